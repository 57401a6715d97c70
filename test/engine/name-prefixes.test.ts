import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findMentions } from "../../src/engine/recognise/mentions.js";
import { nameReach, namePrefixes } from "../../src/engine/recognise/name-prefixes.js";
import { looseWord } from "../../src/engine/knowledge/compile-name-indexes.js";
import { rawTokens } from "../../src/engine/text/fold.js";
import { K } from "../support/knowledge.js";

const dir = new URL("../../data/phrasings/", import.meta.url);
const texts = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), "utf8")) as { phrasings: { text: string }[] }).phrasings)
  .map((p) => p.text);

describe("name prefixes (the windows findMentions skips in a batch)", () => {
  it("are built only once a knowledge has read a batch's worth of texts", () => {
    // A one-shot command never pays for them; a batch gets them after a few texts.
    for (let i = 0; i < 20; i++) findMentions(K, "lost my passport in Geneva");
    expect(namePrefixes(K)).not.toBeNull();
  });

  it("skip no window that is a name, in every phrasing", () => {
    const p = namePrefixes(K)!;
    const names = [K.orgNames, K.countryNames, K.cityNames, K.demonyms, K.capitals] as ReadonlyMap<string, unknown>[];
    let skipped = 0;
    for (const text of [...texts, "Vereinigten Arabischen Emiraten", "the United Nations High Commissioner"]) {
      const folded = rawTokens(text).map((t) => t.folded);
      for (let i = 0; i < folded.length; i++) {
        const max = Math.min(K.maxNameWords, folded.length - i);
        const reach = nameReach(p, folded, i, max);
        for (let n = reach + 1; n <= max; n++) {
          skipped++;
          const key = folded.slice(i, i + n).join(" ");
          const loose = folded
            .slice(i, i + n)
            .map(looseWord)
            .join(" ");
          if (names.some((m) => m.has(key)) || K.looseNames.has(loose)) expect.fail(`"${key}" in "${text}"`);
        }
      }
    }
    // Most windows are skipped: that is the point.
    expect(skipped).toBeGreaterThan(texts.length);
  });

  it("keep every multi-word name reachable", () => {
    const p = namePrefixes(K)!;
    for (const key of [...K.countryNames.keys(), ...K.orgNames.keys(), ...K.cityNames.keys()]) {
      const words = key.split(" ");
      expect(nameReach(p, words, 0, words.length)).toBe(words.length);
    }
  });
});
