import { readFileSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function kilobytesIn(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface TreeMemory {
  /** Resident memory summed over the processes: a page shared by several (Node's own code, say) counts once per process. */
  rssBytes: number;
  /** Proportional set size: each shared page divided among the processes that share it, so the sum is what the tree holds. */
  pssBytes: number;
}

/** The memory a process and all its descendants hold (Linux /proc). */
export function treeMemory(pid: number): TreeMemory {
  const total = { rssBytes: 0, pssBytes: 0 };
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    total.rssBytes += kilobytesIn(`/proc/${current}/status`, 'VmRSS') * 1024;
    total.pssBytes += kilobytesIn(`/proc/${current}/smaps_rollup`, 'Pss') * 1024;
    pending.push(...childrenOf(current));
  }
  return total;
}
