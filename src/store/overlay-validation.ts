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
import { DataLoadError, dataDir, kindOf, readJson } from "./data-files.js";
import { FILES, type FileData } from "../model/data-schemas.js";
import { describeUncovered, ruleCoverage } from "../engine/decide/rule-coverage.js";

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
    // Only regular files directly inside DIR are read (the entry's own type, as lstat gives it: no
    // symbolic link out of it, no FIFO, device or socket); readJson checks again as it opens.
    const entries = readdirSync(overlay, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const f = entry.name;
      if (!f.endsWith(".json")) continue;
      const name = f.slice(0, -5);
      if (!entry.isFile()) {
        problems.push({ file: join(overlay, f), path: "", reason: `is ${kindOf(entry)}; only regular files are read` });
        continue;
      }
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
  if (problems.length === 0)
    problems.push(
      ...coverageProblems(data, overlaid.includes("rules") ? join(overlay!, "rules.json") : "data/rules.json"),
    );
  return { data: problems.length ? null : data, problems, overlaid };
}

/**
 * The check a command relies on: every need reaches a rule for every combination of the facts the
 * rules read (classify has no answer otherwise). Reported against rules.json.
 */
export function coverageProblems(data: FileData, rulesLabel: string): Problem[] {
  const { uncovered, tooComplex } = ruleCoverage(data.rules.rules, data.needs.needs);
  const out: Problem[] = uncovered.slice(0, 20).map((u) => ({
    file: rulesLabel,
    path: "rules",
    reason: `${describeUncovered(u)}; add a rule that answers it (a catch-all for its category)`,
  }));
  if (uncovered.length > 20)
    out.push({ file: rulesLabel, path: "rules", reason: `... and ${uncovered.length - 20} more needs reach no rule` });
  if (tooComplex)
    out.push({
      file: rulesLabel,
      path: "rules",
      reason: "the rules are too tangled to check that every need reaches one",
    });
  return out;
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
