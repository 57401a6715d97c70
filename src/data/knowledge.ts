/** The process's knowledge: data compiled once, from the bundle or a validated overlay. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { compile, readIndexFile, type CachedIndex, type IndexCache, type Knowledge } from "../engine/knowledge.js";
import { FILE_NAMES } from "./constants.js";
import { bundledData, dataDir } from "./load.js";

let bundled: Knowledge | null = null;
const overlays = new Map<string, Knowledge>();

/** Sizes of the bundled data files: a cache built from other files is not used. */
export function dataFingerprint(): string {
  const dir = dataDir();
  return FILE_NAMES.map((n) => `${n}:${statSync(join(dir, `${n}.json`)).size}`).join(",");
}

/** dist/cache/index.json: the data the indexes were built from, and the file holding each. */
export interface IndexManifest {
  fingerprint: string;
  files: Partial<Record<CachedIndex, string>>;
}

/**
 * The indexes built at build time from the bundled data (dist/cache/), each read on first use, if
 * they were built from the data that is here.
 */
function indexCache(): IndexCache | undefined {
  const dir = new URL("./cache/", import.meta.url);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("index.json", dir), "utf8")) as IndexManifest;
  } catch {
    return undefined; // running from source, or a build without the cache: build indexes as needed
  }
  if (manifest.fingerprint !== dataFingerprint()) return undefined;
  return {
    get(key: CachedIndex): unknown {
      const name = manifest.files[key];
      if (name === undefined) return undefined;
      try {
        return readIndexFile(name, readFileSync(new URL(name, dir), "utf8"));
      } catch {
        return undefined;
      }
    },
  };
}

/** The knowledge from the bundled data; indexes come from the build cache or are built lazily. */
export function getKnowledge(): Knowledge {
  return (bundled ??= compile(bundledData(), indexCache()));
}

/** The knowledge for a command: the bundled data, or an overlay validated whole before use. */
export async function loadKnowledge(overlay?: string): Promise<Knowledge> {
  if (overlay === undefined) return getKnowledge();
  let k = overlays.get(overlay);
  if (!k) {
    const { loadValidated } = await import("./validate.js");
    k = compile(loadValidated(overlay));
    overlays.set(overlay, k);
  }
  return k;
}
