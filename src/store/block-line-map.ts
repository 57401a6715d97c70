/**
 * A large index file of sorted lines (src/engine/text/sorted-lines.ts) read a block at a time.
 *
 * The office directory's index is 1.3 MB and the world's cities' positions half a megabyte; a
 * one-shot answer looks up two or three lines of each. Reading a whole file into a fresh process
 * costs milliseconds (memory to map and fill); reading the 4 KB block that holds a line costs
 * microseconds. After many blocks (a batch), the whole file is read once and searched in memory.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { LineMap, SearchedMap, blockFor } from "../engine/text/sorted-lines.js";

/** Blocks read one by one before the whole file is read instead. */
const WHOLE_AFTER = 64;
/**
 * Keys whose answers are kept (found or not): a batch asks for the same keys again and again, and
 * each answer otherwise costs finding its block (escaping the key), a search and a JSON parse.
 * Bounded: the memo starts over when full.
 */
const MEMO_KEYS = 1 << 16;
/** A key not in the file, as the memo keeps it. */
const ABSENT = Symbol("absent");

/** Where a file's blocks start (written beside it by the build): its length and each block's first key. */
export interface LineBlocks {
  size: number;
  blocks: [string, number][];
}

export class BlockLineMap<V> extends SearchedMap<V> {
  private all: LineMap<V> | null = null;
  private readonly read = new Map<number, LineMap<V>>();
  private readonly memo = new Map<string, V | typeof ABSENT>();
  constructor(
    private readonly file: URL,
    private readonly index: LineBlocks,
    private readonly json: boolean,
  ) {
    super();
  }

  protected whole(): LineMap<V> {
    return (this.all ??= new LineMap<V>(readFileSync(this.file, "latin1"), this.json));
  }

  /** The lines that hold `key` if any does: its block, or the whole file. */
  private linesFor(key: string): LineMap<V> | null {
    if (this.all) return this.all;
    const i = blockFor(this.index.blocks, key);
    if (i < 0) return null;
    let lines = this.read.get(i);
    if (!lines) {
      if (this.read.size >= WHOLE_AFTER) return this.whole();
      const start = this.index.blocks[i]![1];
      const end = this.index.blocks[i + 1]?.[1] ?? this.index.size;
      const buf = Buffer.allocUnsafe(end - start);
      const fd = openSync(this.file, "r");
      try {
        for (let got = 0; got < buf.length;) {
          const n = readSync(fd, buf, got, buf.length - got, start + got);
          if (n === 0) throw new Error(`${this.file.pathname}: shorter than its block index says`);
          got += n;
        }
      } finally {
        closeSync(fd);
      }
      lines = new LineMap<V>(buf.toString("latin1"), this.json);
      this.read.set(i, lines);
    }
    return lines;
  }

  /** The value for `key` as the memo keeps it (ABSENT when the file has no such key). */
  private lookup(key: string): V | typeof ABSENT {
    let v = this.memo.get(key);
    if (v === undefined) {
      // A value is never undefined (null for an empty one), so undefined is a key not there.
      const found = this.linesFor(key)?.get(key);
      v = found === undefined ? ABSENT : found;
      if (this.memo.size >= MEMO_KEYS) this.memo.clear();
      this.memo.set(key, v);
    }
    return v;
  }

  get(key: string): V | undefined {
    const v = this.lookup(key);
    return v === ABSENT ? undefined : v;
  }
  has(key: string): boolean {
    return this.lookup(key) !== ABSENT;
  }
}
