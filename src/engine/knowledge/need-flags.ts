/** How a need is read besides its category: its flags in data/needs.json (NEED_FLAGS). */
import type { Need } from "../../model/data-schemas.js";
import type { NeedFlag } from "../../model/vocabularies.js";

/** Whether a need carries a flag (most carry none, and have no `flags`). */
export function needHas(need: Need | null | undefined, flag: NeedFlag): boolean {
  return need?.flags?.includes(flag) ?? false;
}
