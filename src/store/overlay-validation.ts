/**
 * Full validation of a data set with the zod schemas and the cross-reference checks: used for
 * overlays (`--data DIR`), by `data --check`, and by the tests for the bundled files. Loaded only
 * on those paths, because zod alone costs more to load than the rest of a command.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { FILE_NAMES, dataFilePath, type FileName } from "../model/vocabularies.js";
import { crossCheck, type Problem } from "./integrity.js";
import { DataLoadError, dataDir, readJson } from "./data-files.js";
import { FILES, type FileData } from "../model/data-schemas.js";

export interface Validation {
  data: FileData | null;
  problems: Problem[];
  /** Which files came from the overlay. */
  overlaid: FileName[];
}

/**
 * Reads every data file — from the overlay where it has one, else the bundled copy — and
 * validates the whole set. Collects every problem instead of stopping at the first.
 */
export function validateData(overlay?: string): Validation {
  const base = dataDir();
  const overlaid: FileName[] = [];
  const problems: Problem[] = [];
  if (overlay !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(overlay).isDirectory();
    } catch {
      throw new DataLoadError(overlay, "", "overlay directory does not exist");
    }
    if (!isDir) throw new DataLoadError(overlay, "", "overlay must be a directory of data files");
    for (const f of readdirSync(overlay).sort()) {
      if (!f.endsWith(".json")) continue;
      const name = f.slice(0, -5);
      if ((FILE_NAMES as readonly string[]).includes(name)) overlaid.push(name as FileName);
      else
        problems.push({
          file: join(overlay, f),
          path: "",
          reason: `unknown data file; expected one of ${FILE_NAMES.map((n) => `${n}.json`).join(", ")}`,
        });
    }
  }
  const out: Partial<Record<FileName, unknown>> = {};
  for (const name of FILE_NAMES) {
    const fromOverlay = overlaid.includes(name);
    const path = fromOverlay ? join(overlay!, `${name}.json`) : join(base, dataFilePath(name));
    const label = fromOverlay ? path : `data/${dataFilePath(name)}`;
    let raw: unknown;
    try {
      raw = readJson(path, label);
    } catch (e) {
      if (e instanceof DataLoadError) {
        problems.push({ file: e.file, path: e.path, reason: e.reason });
        continue;
      }
      throw e;
    }
    const r = (FILES[name] as unknown as z.ZodType).safeParse(raw);
    if (r.success) out[name] = r.data;
    else
      for (const issue of r.error.issues.slice(0, 20))
        problems.push({ file: label, path: issue.path.length ? issue.path.join(".") : "(top)", reason: issue.message });
  }
  if (problems.length > 0) return { data: null, problems, overlaid };
  const data = out as FileData;
  problems.push(
    ...crossCheck(data, (n) => (overlaid.includes(n as FileName) ? join(overlay!, `${n}.json`) : `data/${n}.json`)),
  );
  return { data: problems.length ? null : data, problems, overlaid };
}

/** Validates and returns the data set, or throws the first problem. */
export function loadValidated(overlay?: string): FileData {
  const v = validateData(overlay);
  if (!v.data) {
    const p = v.problems[0]!;
    throw new DataLoadError(p.file, p.path, p.reason);
  }
  return v.data;
}
