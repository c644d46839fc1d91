/** One printed table: a title, column headings and rows of already formatted cells. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Printed under the table: how to read it, what was held constant. */
  notes?: string[];
}

/** What a bench module hands back: tables for people, data for `--out`. */
interface BenchResult {
  tables: Table[];
  data: unknown;
}

export interface BenchModule {
  /** The name `--only` selects it by and its key in the JSON output. */
  name: string;
  title: string;
  run(): Promise<BenchResult>;
}

export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    table.title,
    line(table.columns),
    rule,
    ...cells.slice(1).map(line),
    ...(table.notes ?? []).map((n) => `  ${n}`),
  ].join('\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
