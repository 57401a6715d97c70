/** A large line file read a block at a time (src/store/block-line-map.ts) answers as the Map it was written from. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BlockLineMap } from "../../src/store/block-line-map.js";
import { blocksOf, toLines } from "../../src/engine/text/sorted-lines.js";

function written<V>(m: Map<string, V>, size: number): BlockLineMap<V> {
  const { text, json } = toLines(m)!;
  const file = join(mkdtempSync(join(tmpdir(), "mg-blocks-")), "x.txt");
  writeFileSync(file, text, "latin1");
  return new BlockLineMap<V>(pathToFileURL(file), { size: text.length, blocks: blocksOf(text, size) }, json);
}

// Keys with accents, other scripts and a backslash (written escaped), values long and short.
const entries: [string, unknown][] = Array.from({ length: 3000 }, (_, i) => [
  `${["CA", "Zürich", "曼谷", "a\\b", "US"][i % 5]}>${i}`,
  i % 7 === 0 ? { long: "x".repeat(i), é: [i, "Genève"] } : [i, `v${i}`],
]);

describe("BlockLineMap", () => {
  it("gets and has what the Map has, for keys in it and keys not, with blocks of several sizes", () => {
    const m = new Map(entries);
    for (const size of [1, 64, 4096, 1 << 20]) {
      const bm = written(m, size);
      for (const k of ["", "A", "CA>", "CA>0", "zz", "Zürich>1", "曼谷>2", "a\\b>3", "US>4", "US>5", "\uffff"]) {
        expect(bm.get(k), `${size} ${k}`).toEqual(m.get(k));
        expect(bm.has(k)).toBe(m.has(k));
      }
      // Past the blocks read one by one, the whole file: the same answers.
      for (const [k, v] of entries.filter((_, i) => i % 13 === 0)) expect(bm.get(k), `${size} ${k}`).toEqual(v);
      expect(bm.size).toBe(m.size);
      expect(new Map(bm)).toEqual(m);
    }
  });
});
