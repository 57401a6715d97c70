/** Tables for lists, without cli-table3's own colours (they ignore NO_COLOR and pipes). */
import Table from "cli-table3";

export function table(head: string[], rows: string[][], colWidths?: number[]): string {
  const t = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
  for (const r of rows) t.push(r);
  return t.toString() + "\n";
}

/** Splits a terminal width among columns in proportion to weights. */
export function widths(total: number, weights: number[]): number[] {
  const usable = Math.max(40, total) - (weights.length + 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(6, Math.floor((usable * w) / sum)));
}
