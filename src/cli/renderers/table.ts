/**
 * Tables for lists, without cli-table3's own colours (they ignore NO_COLOR and pipes). Cells are
 * wrapped here, word by word, before cli-table3 sees them: its own wrapping measures every
 * character and took about a second for the long cells of `compare`.
 */

/** Lines a list cell may take; beyond them its text ends with an ellipsis. */
export const MAX_CELL_LINES = 12;
/** Characters a cell of a table without set widths may hold. */
const MAX_CELL_CHARS = 200;

/**
 * Text cut to at most `max` characters, ending with an ellipsis when cut: a 5,000-character label
 * from an overlay takes a few lines, not the screen, and the layout's time stays small.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Wraps text to a width, keeping its own line breaks; words longer than the width are cut. Linear in the text's length. */
export function wrapCell(text: string, width: number): string {
  if (width < 1) return text;
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (let word of para.split(/ +/)) {
      if (word.length > width) {
        if (line) {
          out.push(line);
          line = "";
        }
        // Cut by index, not by slicing the rest again and again.
        let at = 0;
        for (; word.length - at > width; at += width) out.push(word.slice(at, at + width));
        word = word.slice(at);
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
    colWidths
      ? cells.map((c, i) => {
          const w = Math.max(1, (colWidths[i] ?? 12) - 2);
          const lines = wrapCell(clip(c, w * MAX_CELL_LINES), w).split("\n");
          if (lines.length > MAX_CELL_LINES) {
            lines.length = MAX_CELL_LINES;
            lines[MAX_CELL_LINES - 1] = clip(`${lines[MAX_CELL_LINES - 1]!}…`, w);
          }
          return lines.join("\n");
        })
      : cells.map((c) => clip(c, MAX_CELL_CHARS));
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
  const longest = (i: number): number => {
    let max = 0;
    for (const r of rows) for (const word of (r[i] ?? "").split(/\s+/)) if (word.length > max) max = word.length;
    return max;
  };
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
