/**
 * Read-only maps and sets over sorted lines of text, searched in place.
 *
 * A one-shot command looks up a few dozen names in indexes of thousands (country names in twenty
 * languages, world cities, the vocabulary). Parsing a whole index into objects costs more than all
 * those lookups, and leaves garbage to collect; a binary search over the text as read costs next to
 * nothing. After many lookups (a batch), a structure turns itself into a real Map or Set once.
 *
 * The text: one entry per line, sorted by key (in UTF-16 code unit order, as `<` compares), each
 * line "key\tvalue\n" for a map and "key\n" for a set. Values are strings (null as nothing), or
 * JSON. The text is ASCII: every other character, and the backslash, is written as \uXXXX (in
 * JSON, as JSON escapes it). Node reads an ASCII file into a string several times faster than one
 * with a few accented names in it (1.3 MB of offices: ~1 ms against ~10 ms).
 */

/** Lookups after which a structure is parsed whole: a batch has made the search the slower way. */
const PARSE_AFTER = 4096;

/**
 * Lookups after which a structure of `text` is parsed whole: fewer for a small one, whose parse
 * costs about as much as a few dozen searches (a cue list of 300 characters is parsed after 25).
 */
function parseAfter(text: string): number {
  return Math.min(PARSE_AFTER, 16 + (text.length >> 5));
}

/** Whether a key can be a line (the build checks every key, and keeps other indexes as JSON). */
export function lineSafe(key: string): boolean {
  // Written as UTF-8: a lone surrogate would not be read back as itself.
  return key !== "" && !key.includes("\t") && !key.includes("\n") && Buffer.from(key).toString() === key;
}

/** A key or plain value as written in the text: ASCII, backslash and the rest as \uXXXX. */
export function escape(s: string): string {
  return s.replace(/[\\\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A key or plain value as it was before `escape`. */
function unescape(s: string): string {
  return s.includes("\\") ? s.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** JSON as ASCII: the characters beyond it as JSON escapes (they occur only inside strings). */
export function asciiJson(v: unknown): string {
  return JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Sorted lines for a map's entries; values as text when each is a string or null, else JSON. */
export function toLines(entries: Iterable<[string, unknown]>): { text: string; json: boolean } | null {
  const list = [...entries];
  if (!list.every(([key]) => lineSafe(key))) return null;
  const json = !list.every(([, v]) => v === null || (typeof v === "string" && lineSafe(v)));
  const rows = list.map(([k, v]) => [escape(k), json ? asciiJson(v) : escape((v as string | null) ?? "")] as const);
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { text: rows.map(([k, v]) => `${k}\t${v}\n`).join(""), json };
}

/** Sorted lines for a set's members. */
export function setToLines(members: Iterable<string>): string | null {
  const list = [...members];
  if (!list.every(lineSafe)) return null;
  return list
    .map(escape)
    .sort()
    .map((m) => `${m}\n`)
    .join("");
}

/**
 * Where the line for `key` is in sorted `text`: [start of line, end of key, end of line], or null.
 * The search narrows a range of character offsets [lo, hi) in which the line sought must start.
 */
function search(text: string, key: string, sep: "\t" | "\n"): [number, number, number] | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf("\n", mid - 1) + 1;
    const keyEnd = text.indexOf(sep, start);
    const end = sep === "\n" ? keyEnd : text.indexOf("\n", keyEnd);
    const k = text.slice(start, keyEnd);
    if (k === key) return [start, keyEnd, end];
    if (k < key) lo = end + 1;
    else hi = start;
  }
  return null;
}

/**
 * Where a large text's lines may be read a block at a time: every `size` characters, the (written)
 * key of the first line that starts there or after, and that line's offset. The text is ASCII, so a
 * character offset is a byte offset in its file.
 */
export function blocksOf(text: string, size: number): [string, number][] {
  const blocks: [string, number][] = [];
  let next = 0;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf("\n", start);
    if (start >= next) {
      const tab = text.indexOf("\t", start);
      blocks.push([text.slice(start, tab === -1 || tab > end ? end : tab), start]);
      next = start + size;
    }
    start = end + 1;
  }
  return blocks;
}

/** The block whose lines hold `key` if any line does: the last whose first key is not after it. */
export function blockFor(blocks: readonly [string, number][], key: string): number {
  const k = escape(key);
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0 || k < blocks[0]![0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blocks[mid]![0] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every line of `text`, as [key, rest]. */
function* lines(text: string, sep: "\t" | "\n"): Generator<[string, string]> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const keyEnd = sep === "\n" ? end : text.indexOf("\t", start);
    yield [unescape(text.slice(start, keyEnd)), text.slice(keyEnd + 1, end)];
    start = end + 1;
  }
}

/**
 * A read-only map searched in place for single keys, that reads itself whole (`whole`) only for
 * what needs every entry: its size and iteration.
 */
export abstract class SearchedMap<V> implements ReadonlyMap<string, V> {
  protected abstract whole(): ReadonlyMap<string, V>;
  abstract get(key: string): V | undefined;
  abstract has(key: string): boolean;
  get size(): number {
    return this.whole().size;
  }
  keys(): MapIterator<string> {
    return this.whole().keys();
  }
  values(): MapIterator<V> {
    return this.whole().values();
  }
  entries(): MapIterator<[string, V]> {
    return this.whole().entries();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.whole()) fn(v, k, this);
  }
}

export class LineMap<V> extends SearchedMap<V> {
  private map: Map<string, V> | null = null;
  private lookups = 0;
  private readonly parseAfter: number;
  constructor(
    private readonly text: string,
    private readonly json: boolean,
  ) {
    super();
    this.parseAfter = parseAfter(text);
  }

  private value(raw: string): V {
    return (this.json ? JSON.parse(raw) : raw === "" ? null : unescape(raw)) as V;
  }
  protected whole(): Map<string, V> {
    if (!this.map) {
      this.map = new Map();
      for (const [k, raw] of lines(this.text, "\t")) this.map.set(k, this.value(raw));
    }
    return this.map;
  }
  get(key: string): V | undefined {
    if (this.map || ++this.lookups > this.parseAfter) return this.whole().get(key);
    const at = search(this.text, escape(key), "\t");
    return at ? this.value(this.text.slice(at[1] + 1, at[2])) : undefined;
  }
  has(key: string): boolean {
    if (this.map || ++this.lookups > this.parseAfter) return this.whole().has(key);
    return search(this.text, escape(key), "\t") !== null;
  }
}

export class LineSet implements ReadonlySet<string> {
  private set: Set<string> | null = null;
  private lookups = 0;
  private readonly parseAfter: number;
  constructor(private readonly text: string) {
    this.parseAfter = parseAfter(text);
  }

  private whole(): Set<string> {
    if (!this.set) {
      // A split is several times faster than reading line by line; few lines have escapes.
      const keys = this.text === "" ? [] : this.text.slice(0, -1).split("\n");
      this.set = new Set(this.text.includes("\\") ? keys.map(unescape) : keys);
    }
    return this.set;
  }
  has(key: string): boolean {
    if (this.set || ++this.lookups > this.parseAfter) return this.whole().has(key);
    return search(this.text, escape(key), "\n") !== null;
  }
  get size(): number {
    return this.whole().size;
  }
  keys(): SetIterator<string> {
    return this.whole().keys();
  }
  values(): SetIterator<string> {
    return this.whole().values();
  }
  entries(): SetIterator<[string, string]> {
    return this.whole().entries();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const v of this.whole()) fn(v, v, this);
  }
}
