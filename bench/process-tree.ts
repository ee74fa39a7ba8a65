import { readFileSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

export interface TreeMemory {
  /** Resident memory summed over the processes: a page shared by several (Node's own code, say) counts once per process. */
  rssBytes: number;
  /** Proportional set size: each shared page divided among the processes that share it, so the sum is what the tree holds. */
  pssBytes: number;
}

const rssLine = /^Rss:\s+(\d+) kB/m;
const pssLine = /^Pss:\s+(\d+) kB/m;

/** Both measures come from the one summary the kernel keeps of a process's mappings. */
function memoryOf(pid: number): TreeMemory {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const bytes = (line: RegExp) => Number(line.exec(rollup)?.[1] ?? 0) * 1024;
    return { rssBytes: bytes(rssLine), pssBytes: bytes(pssLine) };
  } catch {
    return { rssBytes: 0, pssBytes: 0 };
  }
}

/** The memory a process and all its descendants hold (Linux /proc). */
export function treeMemory(pid: number): TreeMemory {
  const total = { rssBytes: 0, pssBytes: 0 };
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    const memory = memoryOf(current);
    total.rssBytes += memory.rssBytes;
    total.pssBytes += memory.pssBytes;
    pending.push(...childrenOf(current));
  }
  return total;
}
