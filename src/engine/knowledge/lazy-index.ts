/**
 * The knowledge's indexes as properties built on first read, or taken from the build-time cache
 * when it can give them, then kept.
 */
import { CACHED_INDEXES, type CachedIndex, type Knowledge } from "./knowledge-type.js";

/** Where cached indexes come from (src/store/index-cache-format.ts): each is read only when first
 *  used, as the value the index would have had; undefined when the cache cannot give it. */
export interface IndexCache {
  get(key: CachedIndex): unknown;
}

/** Defines a property computed on first read (or taken from the cache), then kept. */
function lazyProp<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K], cache?: IndexCache): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      const cached = (CACHED_INDEXES as readonly PropertyKey[]).includes(key)
        ? cache?.get(key as CachedIndex)
        : undefined;
      const value = (cached !== undefined ? cached : make()) as T[K];
      Object.defineProperty(obj, key, { value, enumerable: true });
      return value;
    },
  });
}

/** Defines one index of a knowledge: how to build it, when it is first read. */
export type DefineIndex = <K extends keyof Knowledge>(key: K, make: () => Knowledge[K]) => void;

/** Defines the indexes of `k`, each taken from `cache` when the cache can give it. */
export function indexDefiner(k: Knowledge, cache?: IndexCache): DefineIndex {
  return (key, make) => lazyProp(k, key, make, cache);
}
