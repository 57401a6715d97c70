/**
 * The trained need model (data/generated/need-model.bin, written by `npm run train`), read and
 * decoded on first use only: commands that never read a need from text never pay for it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeNeedModel, type NeedModel } from "../engine/recognise/need-model.js";
import { dataDir } from "./data-files.js";

let cached: NeedModel | null | undefined;

/** The shipped need model, or null when the package has none (the rules then read needs alone). */
export function loadNeedModel(): NeedModel | null {
  if (cached !== undefined) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dataDir(), "generated", "need-model.bin"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    return (cached = null);
  }
  return (cached = decodeNeedModel(bytes));
}
