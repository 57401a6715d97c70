/**
 * The index cache's file format: the engine's maps, sets and word indexes as files written at build
 * time (scripts/build-cache.mjs) and read back at run time (src/store/knowledge-store.ts).
 */
import { CACHED_INDEXES, type CachedIndex, type Knowledge } from "../engine/knowledge/knowledge-type.js";
import { LineMap, LineSet, asciiJson, setToLines, toLines } from "../engine/text/sorted-lines.js";
import { WordIndex, type SerializedWordIndex } from "../engine/text/word-matcher.js";

/**
 * Maps, sets and word indexes as tagged JSON, and back. Maps of plain values and sets of names
 * become sorted lines, searched as read (src/engine/text/sorted-lines.ts) rather than parsed whole.
 */
function serialise(v: unknown): unknown {
  if (v instanceof Map) {
    const entries = [...(v as Map<string, unknown>)];
    if (entries.every(([, b]) => !(b instanceof Map || b instanceof Set || b instanceof WordIndex))) {
      const lines = toLines(entries);
      if (lines) return { $lines: lines.text, json: lines.json };
    }
    return { $map: entries.map(([a, b]) => [a, serialise(b)]) };
  }
  if (v instanceof Set) {
    const members = [...(v as Set<unknown>)];
    const lines = members.every((m) => typeof m === "string") ? setToLines(members as string[]) : null;
    return lines === null ? { $set: members } : { $setLines: lines };
  }
  if (v instanceof WordIndex) return { $words: v.toJSON() };
  if (v && typeof v === "object" && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([a, b]) => [a, serialise(b)]));
  return v;
}

export function revive(v: unknown): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if ("$lines" in o) return new LineMap(o.$lines as string, o.json === true);
  if ("$setLines" in o) return new LineSet(o.$setLines as string);
  if ("$map" in o) {
    const m = new Map<string, unknown>();
    for (const [a, b] of o.$map as [string, unknown][])
      m.set(a, b && typeof b === "object" && !Array.isArray(b) ? revive(b) : b);
    return m;
  }
  if ("$set" in o) return new Set(o.$set as unknown[]);
  if ("$words" in o) return WordIndex.from(o.$words as SerializedWordIndex);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) out[key] = revive(o[key]);
  return out;
}

/** Every cached index of a knowledge, built now, as JSON (written at build time). */
export function exportIndexes(k: Knowledge): Record<CachedIndex, unknown> {
  return Object.fromEntries(CACHED_INDEXES.map((key) => [key, serialise(k[key])])) as Record<CachedIndex, unknown>;
}

/**
 * A cached index as a file: sorted lines as plain text, read with no JSON to unescape (the world's
 * cities are half a megabyte), anything else as JSON. The file's name says which. Every file is
 * ASCII (JSON with its other characters escaped), read as latin1: one character with an accent
 * makes Node decode a whole UTF-8 file into a string of two bytes a character, slower and twice
 * the garbage.
 */
export function indexFile(key: CachedIndex, exported: unknown): { name: string; text: string } {
  const o = exported as { $lines?: string; json?: boolean; $setLines?: string };
  if (typeof o?.$lines === "string") return { name: `${key}.${o.json ? "jsonmap" : "map"}.txt`, text: o.$lines };
  if (typeof o?.$setLines === "string") return { name: `${key}.set.txt`, text: o.$setLines };
  return { name: `${key}.json`, text: asciiJson(exported) };
}

/** What `indexFile` wrote, read back as `exportIndexes` gave it. */
export function readIndexFile(name: string, text: string): unknown {
  if (name.endsWith(".jsonmap.txt")) return { $lines: text, json: true };
  if (name.endsWith(".map.txt")) return { $lines: text, json: false };
  if (name.endsWith(".set.txt")) return { $setLines: text };
  return JSON.parse(text);
}
