/** The process's knowledge: data loaded and compiled once, from the bundle or an overlay. */
import { compile, type Knowledge } from "../engine/knowledge.js";
import { loadData } from "./load.js";

const cache = new Map<string, Knowledge>();

export function getKnowledge(overlay?: string): Knowledge {
  const key = overlay ?? "";
  let k = cache.get(key);
  if (!k) {
    k = compile(loadData(overlay));
    cache.set(key, k);
  }
  return k;
}
