/** Sorted-line maps and sets (src/engine/text/sorted-lines.ts) answer exactly as a Map or Set of the same. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineMap, LineSet, lineSafe, setToLines, toLines } from "../../src/engine/text/sorted-lines.js";

// Names as the indexes hold them, with accents, spaces, other scripts and near neighbours in order.
const key = fc.oneof(
  fc.constantFrom("a", "ab", "abc", "b", "côte d ivoire", "曼谷", "z z", "zz", "Z", "0", " x", "\uff5e", "😀x", "ǅ"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 4 }).filter(lineSafe),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }).filter(lineSafe),
  fc.string({ minLength: 1, maxLength: 8 }).filter(lineSafe),
);
const plain = fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 6 }).filter(lineSafe));
const any = fc.oneof(plain, fc.array(fc.string(), { maxLength: 3 }), fc.record({ id: fc.string(), n: fc.integer() }));

function lineMap<V>(m: Map<string, V>): LineMap<V> {
  const lines = toLines(m)!;
  return new LineMap<V>(lines.text, lines.json);
}

describe("LineMap", () => {
  it("gets and has what a Map gives, for keys in it and keys not", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.oneof(plain, any))), fc.array(key), (entries, probes) => {
        const m = new Map(entries);
        const lm = lineMap(m);
        for (const k of [...m.keys(), ...probes]) {
          expect(lm.get(k)).toEqual(m.get(k));
          expect(lm.has(k)).toBe(m.has(k));
        }
        expect(lm.size).toBe(m.size);
        expect(new Map(lm)).toEqual(m);
      }),
    );
  });

  it("keeps plain strings and null as text, anything else as JSON", () => {
    expect(
      toLines(
        new Map([
          ["b", "B"],
          ["a", null],
        ]),
      ),
    ).toEqual({ text: "a\t\nb\tB\n", json: false });
    expect(toLines(new Map([["a", ["x"]]]))).toEqual({ text: 'a\t["x"]\n', json: true });
  });

  it("writes ASCII only (Node reads it several times faster), and reads back what it wrote", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.oneof(plain, any))), (entries) => {
        const lines = toLines(new Map(entries))!;
        expect(lines.text).not.toMatch(/[^\p{ASCII}]/u);
        expect(new Map(new LineMap(lines.text, lines.json))).toEqual(new Map(entries));
      }),
    );
    expect(toLines(new Map([["zürich", "Genève"]]))).toEqual({ text: "z\\u00fcrich\tGen\\u00e8ve\n", json: false });
    expect(toLines(new Map([["a\\b", "x"]]))!.text).toBe("a\\u005cb\tx\n");
    expect(setToLines(["曼谷", "a"])).toBe("\\u66fc\\u8c37\na\n");
  });

  it("refuses keys that cannot be lines", () => {
    expect(toLines(new Map([["a\tb", "x"]]))).toBeNull();
    expect(toLines(new Map([["", "x"]]))).toBeNull();
    expect(setToLines(["a\nb"])).toBeNull();
  });

  it("answers the same after turning itself into a Map for a long batch", () => {
    const m = new Map(Array.from({ length: 300 }, (_, i) => [`name ${i}`, `V${i % 7}`] as [string, string]));
    const lm = lineMap(m);
    for (let round = 0; round < 20; round++)
      for (let i = 0; i < 320; i++) expect(lm.get(`name ${i}`), `round ${round}`).toBe(m.get(`name ${i}`));
  });
});

describe("LineSet", () => {
  it("has what a Set has, and nothing else", () => {
    fc.assert(
      fc.property(fc.array(key), fc.array(key), (members, probes) => {
        const s = new Set(members);
        const ls = new LineSet(setToLines(s)!);
        for (const k of [...s, ...probes]) expect(ls.has(k)).toBe(s.has(k));
        expect(new Set(ls)).toEqual(s);
        expect(ls.size).toBe(s.size);
      }),
    );
  });
});

describe("lineSafe", () => {
  it("refuses what would not come back from UTF-8 as itself", () => {
    expect(lineSafe("\ud800")).toBe(false);
    expect(lineSafe("😀")).toBe(true);
  });
});
