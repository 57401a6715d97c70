/**
 * Build-time tools, not part of the public API: the index cache that lets a one-shot command skip
 * folding and indexing thousands of names (scripts/build-cache.mjs writes dist/cache/).
 */
import type { FileName } from "../model/vocabularies.js";
export { dataFilePath } from "../model/vocabularies.js";
import { bundledData } from "./data-files.js";
import type { IndexManifest } from "./knowledge-store.js";
import type { FileData } from "../model/data-schemas.js";
import { compile } from "../engine/knowledge/compile-knowledge.js";
import type { CachedIndex } from "../engine/knowledge/knowledge-type.js";
import { exportIndexes, indexFile } from "./index-cache-format.js";
import { blocksOf } from "../engine/text/sorted-lines.js";
import type { LineBlocks } from "./block-line-map.js";

/** Line files larger than this are read a block of this size at a time. */
const BLOCKS_ABOVE = 64 * 1024;
const BLOCK_SIZE = 4096;

/** The bundled data, noting each file that is read. */
function watchedData(read: Set<FileName>): FileData {
  const data = bundledData();
  return new Proxy(data, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && prop in target) read.add(prop as FileName);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** The data files an index is built from: those read when it alone is built. */
function sourcesOf(key: CachedIndex): FileName[] {
  const read = new Set<FileName>();
  void compile(watchedData(read))[key];
  return [...read].sort();
}

/**
 * The files of the index cache, by name, with index.json naming each index's file and the data
 * files it was built from (scripts/build-cache.mjs puts a copy of those beside it).
 */
export function buildIndexCache(): Record<string, string> {
  const manifest: IndexManifest = { files: {}, builtFrom: {}, blocks: {} };
  const files: Record<string, string> = {};
  for (const [key, value] of Object.entries(exportIndexes(compile(bundledData()))) as [CachedIndex, unknown][]) {
    const { name, text } = indexFile(key, value);
    files[name] = text;
    manifest.files[key] = name;
    manifest.builtFrom[key] = sourcesOf(key);
    // A large map is read a block at a time (src/store/block-line-map.ts); its text is ASCII, so
    // the blocks' character offsets are byte offsets.
    if (name.endsWith("map.txt") && text.length > BLOCKS_ABOVE && !/[^\p{ASCII}]/u.test(text)) {
      const blocks: LineBlocks = { size: text.length, blocks: blocksOf(text, BLOCK_SIZE) };
      files[`${key}.blocks.json`] = JSON.stringify(blocks);
      manifest.blocks![key] = `${key}.blocks.json`;
    }
  }
  files["index.json"] = JSON.stringify(manifest);
  return files;
}
