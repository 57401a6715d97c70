/**
 * Tables for lists, without cli-table3's own colours (they ignore NO_COLOR and pipes). Cells are
 * wrapped here, word by word, before cli-table3 sees them: its own wrapping measures every
 * character and took about a second for the long cells of `compare`.
 */

/** Wraps text to a width, keeping its own line breaks; words longer than the width are cut. */
export function wrapCell(text: string, width: number): string {
  if (width < 1) return text;
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (let word of para.split(/ +/)) {
      while (word.length > width) {
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out.join("\n");
}

/** A table as text; cli-table3 is loaded only by commands that print one. */
export async function table(head: string[], rows: string[][], colWidths?: number[]): Promise<string> {
  const { default: Table } = await import("cli-table3");
  if (colWidths) colWidths = roomForWords(colWidths, [head, ...rows]);
  // A cell's text area is its width less one space of padding on each side.
  const fit = (cells: string[]): string[] =>
    colWidths ? cells.map((c, i) => wrapCell(c, (colWidths[i] ?? 12) - 2)) : cells;
  const t = new Table({
    head: fit(head),
    style: { head: [], border: [] },
    wordWrap: false,
    ...(colWidths ? { colWidths } : {}),
  });
  for (const r of rows) t.push(fit(r));
  return t.toString() + "\n";
}

/**
 * Widens a column whose longest word (up to 14 letters) would be cut ("Washingto|n"), taking the
 * room from the columns with most to spare; the total width stays the same.
 */
export function roomForWords(colWidths: number[], rows: string[][]): number[] {
  const w = [...colWidths];
  const longest = (i: number): number =>
    Math.max(0, ...rows.flatMap((r) => (r[i] ?? "").split(/\s+/).map((word) => word.length)));
  const want = w.map((_, i) => Math.min(14, longest(i)) + 2);
  for (let i = 0; i < w.length; i++) {
    while (w[i]! < want[i]!) {
      let j = -1;
      for (let k = 0; k < w.length; k++)
        if (k !== i && w[k]! > want[k]! && (j < 0 || w[k]! - want[k]! > w[j]! - want[j]!)) j = k;
      if (j < 0) break;
      w[j]!--;
      w[i]!++;
    }
  }
  return w;
}

/** Splits a terminal width among columns in proportion to weights. */
export function widths(total: number, weights: number[]): number[] {
  const usable = Math.max(40, total) - (weights.length + 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(6, Math.floor((usable * w) / sum)));
}

/**
 * A table of paragraphs (as `compare` prints), drawn here in cli-table3's style: cli-table3 slows
 * down quadratically on cells of many lines (it re-measures the whole cell character by character).
 */
export function paragraphTable(head: string[], rows: string[][], colWidths: number[]): string {
  const line = (l: string, m: string, r: string): string => l + colWidths.map((w) => "─".repeat(w)).join(m) + r;
  const body = (cells: string[]): string[] => {
    const wrapped = cells.map((c, i) => wrapCell(c, colWidths[i]! - 2).split("\n"));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let n = 0; n < height; n++) {
      out.push(`│${wrapped.map((w, i) => ` ${(w[n] ?? "").padEnd(colWidths[i]! - 2)} `).join("│")}│`);
    }
    return out;
  };
  const out = [line("┌", "┬", "┐"), ...body(head)];
  for (const r of rows) out.push(line("├", "┼", "┤"), ...body(r));
  out.push(line("└", "┴", "┘"));
  return out.join("\n") + "\n";
}
