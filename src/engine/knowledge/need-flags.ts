/** How a need is read besides its category: its flags in data/needs.json (NEED_FLAGS). */
import type { NeedRecord } from "./knowledge-type.js";
import type { NeedFlag } from "../../model/vocabularies.js";

/** Whether a need carries a flag (most carry none, and have no `flags`). */
export function needHas(need: NeedRecord | null | undefined, flag: NeedFlag): boolean {
  return need?.flags?.includes(flag) ?? false;
}
