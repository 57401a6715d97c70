/**
 * Reads the bundled data files (and an optional overlay directory), validates them against the
 * schemas, and checks cross-references. Nothing from an overlay is used unless all of it is valid.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { FILES, type FileData, type FileName } from "./schemas.js";
import { crossCheck } from "./integrity.js";

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ""}: ${reason}`);
    this.name = "DataLoadError";
  }
}

let bundledDir: string | null = null;

/** The bundled data directory: found by walking up from this module (src/data or dist). */
export function dataDir(): string {
  if (bundledDir) return bundledDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "data", "needs.json"))) return (bundledDir = join(dir, "data"));
    dir = dirname(dir);
  }
  throw new DataLoadError("data/", "", "bundled data directory not found; reinstall mission-guide");
}

/** JSON.parse that drops keys which could pollute prototypes. */
export function safeParse(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) =>
    key === "__proto__" || key === "constructor" || key === "prototype" ? undefined : value,
  );
}

function readJson(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new DataLoadError(label, "", `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return safeParse(text);
  } catch (e) {
    throw new DataLoadError(label, "", `is not valid JSON (${(e as Error).message})`);
  }
}

function validate<N extends FileName>(name: N, value: unknown, label: string): FileData[N] {
  const schema = FILES[name] as unknown as z.ZodType<FileData[N]>;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new DataLoadError(label, issue.path.length ? issue.path.join(".") : "(top)", issue.message);
}

const NAMES = Object.keys(FILES) as FileName[];

/**
 * Loads every data file, from the overlay directory where it has one, else the bundled copy.
 * The whole set is validated and cross-checked before it is returned.
 */
export function loadData(overlay?: string): FileData {
  const base = dataDir();
  const fromOverlay = new Set<string>();
  if (overlay !== undefined) {
    let st;
    try {
      st = statSync(overlay);
    } catch {
      throw new DataLoadError(overlay, "", "overlay directory does not exist");
    }
    if (!st.isDirectory()) throw new DataLoadError(overlay, "", "overlay must be a directory of data files");
    for (const f of readdirSync(overlay)) {
      if (!f.endsWith(".json")) continue;
      const name = f.slice(0, -5);
      if (!(NAMES as string[]).includes(name)) {
        throw new DataLoadError(
          join(overlay, f),
          "",
          `unknown data file; expected one of ${NAMES.map((n) => `${n}.json`).join(", ")}`,
        );
      }
      fromOverlay.add(name);
    }
  }
  const out = {} as { [K in FileName]: FileData[K] };
  for (const name of NAMES) {
    const dir = fromOverlay.has(name) ? overlay! : base;
    const path = join(dir, `${name}.json`);
    const label = fromOverlay.has(name) ? path : `data/${name}.json`;
    (out as Record<string, unknown>)[name] = validate(name, readJson(path, label), label);
  }
  const problems = crossCheck(out);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new DataLoadError(p.file, p.path, p.reason);
  }
  return out;
}
