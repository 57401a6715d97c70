/** What every command shares: global options, the knowledge, the style, and error mapping. */
import { loadKnowledge } from "../data/knowledge.js";
import { DataLoadError } from "../data/load.js";
import { EngineError } from "../engine/errors.js";
import type { Knowledge } from "../engine/knowledge.js";
import { DataError, NotFoundError, UsageError } from "../errors.js";
import { loadStyle } from "../output.js";
import type { Style } from "../render/style.js";

export interface GlobalOptions {
  json?: boolean;
  color?: boolean;
  input?: boolean;
  data?: string;
}

export async function knowledge(opts: GlobalOptions): Promise<Knowledge> {
  try {
    return await loadKnowledge(opts.data);
  } catch (e) {
    if (e instanceof DataLoadError) throw new DataError(`Invalid data: ${e.message}`);
    throw e;
  }
}

export function style(opts: GlobalOptions): Promise<Style> {
  return loadStyle({ color: opts.color !== false && !opts.json });
}

/** Runs an engine look-up, turning its errors into the CLI's. */
export function lookup<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EngineError) {
      if (e.code === "unknown-need") throw new NotFoundError(e.message, e.code, e.suggestions);
      throw new UsageError(e.message, e.code, e.suggestions);
    }
    throw e;
  }
}

export function width(): number {
  return process.stdout.columns ?? 88;
}
