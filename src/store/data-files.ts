/**
 * Reading the data files. The bundled files are validated at build and test time (test/data), so a
 * normal run only reads and parses the files a command touches — zod is never loaded for them.
 * An overlay directory (`--data DIR`) is validated whole, with the schemas, before any of it is used:
 * see src/store/overlay-validation.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FILE_NAMES, dataFilePath, type FileName } from "../model/vocabularies.js";
import type { FileData } from "../model/data-schemas.js";

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

/**
 * Reads and parses one JSON file, naming it in any error. Files from users (`trusted` false) are
 * parsed without prototype keys; our own bundled files are parsed plainly, which is much faster.
 */
export function readJson(path: string, label: string, trusted = false): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new DataLoadError(label, "", `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (trusted) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new DataLoadError(label, "", `is not valid JSON (${(e as Error).message})`);
    }
  }
  let polluting = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (!PROTO_KEYS.has(key)) return v;
      polluting = true;
      return undefined;
    });
  } catch (e) {
    throw new DataLoadError(label, "", `is not valid JSON (${(e as Error).message})`);
  }
  // A user's file with such a key is refused, not quietly repaired: it was made by mistake or malice.
  if (polluting) {
    const at = protoKeyPath(JSON.parse(text)) ?? "(unknown)";
    throw new DataLoadError(
      label,
      at,
      `key "${at.split(".").pop()}" is not allowed (it could alter object prototypes)`,
    );
  }
  return value;
}

const PROTO_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Where the first prototype key is ("cities.3.__proto__"), in a value from plain JSON.parse. */
function protoKeyPath(value: unknown, path: string[] = []): string | null {
  if (typeof value !== "object" || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    if (PROTO_KEYS.has(k)) return [...path, k].join(".");
    const found = protoKeyPath(v, [...path, k]);
    if (found) return found;
  }
  return null;
}

/**
 * The bundled data set, each file read on first use. The bundled files are our own and are
 * validated by the test suite before release, so they are trusted here.
 */
export function bundledData(): FileData {
  const dir = dataDir();
  const cache: Partial<Record<FileName, unknown>> = {};
  const data = {} as FileData;
  for (const name of FILE_NAMES) {
    Object.defineProperty(data, name, {
      enumerable: true,
      get: () => (cache[name] ??= readJson(join(dir, dataFilePath(name)), `data/${dataFilePath(name)}`, true)),
    });
  }
  return data;
}
