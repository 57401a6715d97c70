/**
 * Reading the data files. The bundled files are validated at build and test time (test/data), so a
 * normal run only reads and parses the files a command touches — zod is never loaded for them.
 * An overlay directory (`--data DIR`) is validated whole, with the schemas, before any of it is used:
 * see src/store/overlay-validation.ts.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
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

/** The largest overlay file read (the largest bundled file is about 1 MB). */
export const MAX_OVERLAY_FILE = 32 * 1024 * 1024;

/** What a directory entry is, when it is not a regular file: said instead of reading it. */
export function kindOf(stat: {
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}): string {
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isDirectory()) return "a directory";
  return "not a regular file";
}

/**
 * Reads a file of an overlay: only a regular file, never through a symbolic link (O_NOFOLLOW), never
 * blocking on a FIFO (O_NONBLOCK, and it is refused once opened), and only up to MAX_OVERLAY_FILE
 * (checked before reading, and read no further than that whatever the file does meanwhile).
 */
function readOverlayFile(path: string, label: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new DataLoadError(label, "", "is a symbolic link; only regular files are read");
    throw new DataLoadError(label, "", `cannot be read (${code ?? "error"})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new DataLoadError(label, "", `is ${kindOf(st)}; only regular files are read`);
    if (st.size > MAX_OVERLAY_FILE)
      throw new DataLoadError(label, "", `is larger than ${MAX_OVERLAY_FILE / 1024 / 1024} MB; not read`);
    const buf = Buffer.allocUnsafe(st.size + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length)
        throw new DataLoadError(label, "", `grew while being read past ${st.size} bytes; not read`);
    }
    return buf.toString("utf8", 0, got);
  } catch (e) {
    if (e instanceof DataLoadError) throw e;
    throw new DataLoadError(label, "", `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Where JSON.parse stopped, as "line L, column C" — never the text there: a refused file's
 * content is not quoted back (it may not be the user's, and may hold terminal controls).
 */
function parseErrorPlace(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : "");
  if (!m) return /Unexpected end/.test(e instanceof Error ? e.message : "") ? "it ends too soon" : "invalid syntax";
  const at = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return `at line ${line}, column ${at - before.lastIndexOf("\n")}`;
}

/**
 * Reads and parses one JSON file, naming it in any error. Files from users (`trusted` false) are
 * read as overlay files (regular files only, size-limited), may start with a UTF-8 byte-order
 * mark, and are parsed without prototype keys; our own bundled files are parsed plainly, which is
 * much faster.
 */
export function readJson(path: string, label: string, trusted = false): unknown {
  let text: string;
  if (trusted) {
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      throw new DataLoadError(label, "", `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new DataLoadError(label, "", `is not valid JSON (${parseErrorPlace(text, e)})`);
    }
  }
  text = readOverlayFile(path, label);
  if (text.startsWith("\ufeff")) text = text.slice(1);
  let polluting = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (!PROTO_KEYS.has(key)) return v;
      polluting = true;
      return undefined;
    });
  } catch (e) {
    throw new DataLoadError(label, "", `is not valid JSON (${parseErrorPlace(text, e)})`);
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
