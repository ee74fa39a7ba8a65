import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Figure {
  section: string;
  measure: string;
  value: number;
  unit: string;
  /** The goal this figure is held to, if any: at most or at least `limit`. */
  target?: { atMost?: number; atLeast?: number };
  note?: string;
}

function formatValue(figure: Figure): string {
  const digits = Math.abs(figure.value) >= 100 ? 0 : Math.abs(figure.value) >= 10 ? 1 : 2;
  return `${figure.value.toFixed(digits)} ${figure.unit}`.trim();
}

function formatTarget(figure: Figure): string {
  if (figure.target?.atMost !== undefined) return `≤ ${figure.target.atMost} ${figure.unit}`.trim();
  if (figure.target?.atLeast !== undefined) return `≥ ${figure.target.atLeast} ${figure.unit}`.trim();
  return '';
}

function verdict(figure: Figure): string {
  const { atMost, atLeast } = figure.target ?? {};
  if (atMost === undefined && atLeast === undefined) return '';
  const met = (atMost === undefined || figure.value <= atMost) && (atLeast === undefined || figure.value >= atLeast);
  return met ? 'met' : 'MISSED';
}

/** Renders the figures as one plain-text table, a row per figure. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['Section', 'Measure', 'Result', 'Target', '', 'Note'];
  const rows = figures.map((figure) => [figure.section, figure.measure, formatValue(figure), formatTarget(figure), verdict(figure), figure.note ?? '']);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

export async function writeResults(file: string, figures: readonly Figure[], context: Record<string, unknown>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...context, figures: figures.map((figure) => ({ ...figure, verdict: verdict(figure) || undefined })) }, null, 2)}\n`);
}
