/**
 * Build-time tools, not part of the public API: the index cache that lets a one-shot command skip
 * folding and indexing thousands of names (scripts/build-cache.mjs writes dist/index-cache.json).
 */
import { bundledData } from "./data/load.js";
import { dataFingerprint } from "./data/knowledge.js";
import { compile, exportIndexes } from "./engine/knowledge.js";

/** The fingerprint of the data, and each index as JSON, to be written under dist/cache/. */
export function buildIndexCache(): { fingerprint: string; indexes: Record<string, string> } {
  const indexes = exportIndexes(compile(bundledData()));
  return {
    fingerprint: dataFingerprint(),
    indexes: Object.fromEntries(Object.entries(indexes).map(([k, v]) => [k, JSON.stringify(v)])),
  };
}
