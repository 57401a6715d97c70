/** The process's knowledge: data compiled once, from the bundle or a validated overlay. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../engine/knowledge/compile-knowledge.js";
import type { CachedIndex, Knowledge } from "../engine/knowledge/knowledge-type.js";
import type { IndexCache } from "../engine/knowledge/lazy-index.js";
import { readIndexFile, revive } from "./index-cache-format.js";
import { dataFilePath, type FileName } from "../model/vocabularies.js";
import { bundledData, dataDir } from "./data-files.js";
import { loadNeedModel } from "./need-model-file.js";
import { BlockLineMap, type LineBlocks } from "./block-line-map.js";

let bundled: Knowledge | null = null;
const overlays = new Map<string, Knowledge>();

/**
 * dist/cache/index.json: the file holding each index and the data files each was built from, with
 * their sizes and times then. A copy of those data files, as they were, lies beside it
 * (dist/cache/data/).
 */
export interface IndexManifest {
  files: Partial<Record<CachedIndex, string>>;
  builtFrom: Partial<Record<CachedIndex, FileName[]>>;
  /** For large line files, the file of their block index (see src/store/block-line-map.ts). */
  blocks?: Partial<Record<CachedIndex, string>>;
  /** Each data file's size and modification time when the cache was built (scripts/build-cache.mjs). */
  stamps?: Partial<Record<FileName, { size: number; mtimeMs: number }>>;
}

/**
 * The indexes built at build time from the bundled data (dist/cache/), each read on first use, if
 * it was built from the data that is here.
 */
function indexCache(): IndexCache | undefined {
  const dir = new URL("./cache/", import.meta.url);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("index.json", dir), "utf8")) as IndexManifest;
  } catch {
    return undefined; // running from source, or a build without the cache: build indexes as needed
  }
  // Content, not size alone: a one-letter fix ("Genf" → "Genx") keeps a file's size. The manifest
  // keeps each file's size and modification time at build time, and the copy keeps its time, so a
  // file with the same size and time as either has not been edited (an edit sets the time) and is
  // not read; otherwise — an edit, a checkout that touched the file — its bytes are compared with
  // the copy. Each file is checked once.
  const same = new Map<FileName, boolean>();
  const unchanged = (f: FileName): boolean => {
    let s = same.get(f);
    if (s === undefined) {
      try {
        const here = join(dataDir(), dataFilePath(f));
        const now = statSync(here);
        const asNow = (st: { size: number; mtimeMs: number }) =>
          st.size === now.size && Math.abs(st.mtimeMs - now.mtimeMs) < 1;
        const stamp = manifest.stamps?.[f];
        if (stamp !== undefined && asNow(stamp)) s = true;
        else {
          // The copy has the file's time too, and an installer that sets every file's time (npm
          // does) sets both alike.
          const copy = new URL(`data/${f}.json`, dir);
          const st = statSync(copy);
          s = asNow(st) || (st.size === now.size && readFileSync(copy).equals(readFileSync(here)));
        }
      } catch {
        s = false;
      }
      same.set(f, s);
    }
    return s;
  };
  return {
    get(key: CachedIndex): unknown {
      const name = manifest.files[key];
      const from = manifest.builtFrom?.[key];
      // An index is used only if every file it was built from is byte for byte the same here.
      if (name === undefined || from === undefined || !from.every(unchanged)) return undefined;
      try {
        const blocks = manifest.blocks?.[key];
        if (blocks !== undefined) {
          const index = JSON.parse(readFileSync(new URL(blocks, dir), "utf8")) as LineBlocks;
          return new BlockLineMap(new URL(name, dir), index, name.endsWith(".jsonmap.txt"));
        }
        // Index files are ASCII (src/store/index-cache-format.ts), which latin1 reads as it is and
        // faster than UTF-8 in a fresh process (1.3 MB of offices: ~3 ms against ~15 ms here).
        const text = readFileSync(new URL(name, dir), "latin1");
        return revive(readIndexFile(name, text));
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Today's date (YYYY-MM-DD), for standing in organizations: the clock's, or MISSION_GUIDE_TODAY
 * where set (tests, and answering as of another day).
 */
export function today(): string {
  const set = process.env.MISSION_GUIDE_TODAY;
  if (set && /^\d{4}-\d{2}-\d{2}$/.test(set)) return set;
  return new Date().toISOString().slice(0, 10);
}

/** The need model is handed to the engine as a function, so that it is read only when asked for. */
function withNeedModel(k: Knowledge): Knowledge {
  k.needModel = loadNeedModel;
  return k;
}

/** The knowledge from the bundled data; indexes come from the build cache or are built lazily. */
export function getKnowledge(): Knowledge {
  return (bundled ??= withNeedModel(compile(bundledData(), indexCache(), today())));
}

/** The knowledge for a command: the bundled data, or an overlay validated whole before use. */
export async function loadKnowledge(overlay?: string): Promise<Knowledge> {
  if (overlay === undefined) return getKnowledge();
  let k = overlays.get(overlay);
  if (!k) {
    const { loadValidated } = await import("./overlay-validation.js");
    k = withNeedModel(compile(loadValidated(overlay), undefined, today()));
    overlays.set(overlay, k);
  }
  return k;
}
