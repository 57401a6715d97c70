/**
 * Read-only maps and sets over sorted lines of text, searched in place.
 *
 * A one-shot command looks up a few dozen names in indexes of thousands (country names in twenty
 * languages, world cities, the vocabulary). Parsing a whole index into objects costs more than all
 * those lookups, and leaves garbage to collect; a binary search over the text as read costs next to
 * nothing. After many lookups (a batch), a structure turns itself into a real Map or Set once.
 *
 * The text: one entry per line, sorted by key (in UTF-16 code unit order, as `<` compares), each
 * line "key\tvalue\n" for a map and "key\n" for a set. Values are strings as they are (null as
 * nothing), or JSON.
 */

/** Lookups after which a structure is parsed whole: a batch has made the search the slower way. */
const PARSE_AFTER = 4096;

/** Whether a key can be a line (the build checks every key, and keeps other indexes as JSON). */
export function lineSafe(key: string): boolean {
  // Written as UTF-8: a lone surrogate would not be read back as itself.
  return key !== "" && !key.includes("\t") && !key.includes("\n") && Buffer.from(key).toString() === key;
}

/** Sorted lines for a map's entries; values as text when each is a string or null, else JSON. */
export function toLines(entries: Iterable<[string, unknown]>): { text: string; json: boolean } | null {
  const list = [...entries];
  if (!list.every(([key]) => lineSafe(key))) return null;
  const json = !list.every(([, v]) => v === null || (typeof v === "string" && lineSafe(v)));
  list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    text: list.map(([k, v]) => `${k}\t${json ? JSON.stringify(v) : ((v as string | null) ?? "")}\n`).join(""),
    json,
  };
}

/** Sorted lines for a set's members. */
export function setToLines(members: Iterable<string>): string | null {
  const list = [...members];
  if (!list.every(lineSafe)) return null;
  return list
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

/** Every line of `text`, as [key, rest]. */
function* lines(text: string, sep: "\t" | "\n"): Generator<[string, string]> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const keyEnd = sep === "\n" ? end : text.indexOf("\t", start);
    yield [text.slice(start, keyEnd), text.slice(keyEnd + 1, end)];
    start = end + 1;
  }
}

export class LineMap<V> implements ReadonlyMap<string, V> {
  private map: Map<string, V> | null = null;
  private lookups = 0;
  constructor(
    private readonly text: string,
    private readonly json: boolean,
  ) {}

  private value(raw: string): V {
    return (this.json ? JSON.parse(raw) : raw === "" ? null : raw) as V;
  }
  private whole(): Map<string, V> {
    if (!this.map) {
      this.map = new Map();
      for (const [k, raw] of lines(this.text, "\t")) this.map.set(k, this.value(raw));
    }
    return this.map;
  }
  get(key: string): V | undefined {
    if (this.map || ++this.lookups > PARSE_AFTER) return this.whole().get(key);
    const at = search(this.text, key, "\t");
    return at ? this.value(this.text.slice(at[1] + 1, at[2])) : undefined;
  }
  has(key: string): boolean {
    if (this.map || ++this.lookups > PARSE_AFTER) return this.whole().has(key);
    return search(this.text, key, "\t") !== null;
  }
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

export class LineSet implements ReadonlySet<string> {
  private set: Set<string> | null = null;
  private lookups = 0;
  constructor(private readonly text: string) {}

  private whole(): Set<string> {
    if (!this.set) {
      this.set = new Set();
      for (const [k] of lines(this.text, "\n")) this.set.add(k);
    }
    return this.set;
  }
  has(key: string): boolean {
    if (this.set || ++this.lookups > PARSE_AFTER) return this.whole().has(key);
    return search(this.text, key, "\n") !== null;
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
