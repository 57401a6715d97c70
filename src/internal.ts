/**
 * Build-time tools, not part of the public API: the index cache that lets a one-shot command skip
 * folding and indexing thousands of names (scripts/build-cache.mjs writes dist/cache/).
 */
import { bundledData } from "./data/load.js";
import { dataFingerprint, type IndexManifest } from "./data/knowledge.js";
import { compile, exportIndexes, indexFile, type CachedIndex } from "./engine/knowledge.js";

/** The files of the index cache, by name, with index.json naming each index's file. */
export function buildIndexCache(): Record<string, string> {
  const manifest: IndexManifest = { fingerprint: dataFingerprint(), files: {} };
  const files: Record<string, string> = {};
  for (const [key, value] of Object.entries(exportIndexes(compile(bundledData()))) as [CachedIndex, unknown][]) {
    const { name, text } = indexFile(key, value);
    files[name] = text;
    manifest.files[key] = name;
  }
  files["index.json"] = JSON.stringify(manifest);
  return files;
}
