/** What every command shares: global options, the knowledge, the style, and error mapping. */
import { loadKnowledge } from "../../store/knowledge-store.js";
import { DataLoadError } from "../../store/data-files.js";
import { EngineError } from "../../engine/engine-error.js";
import type { Knowledge } from "../../engine/knowledge/knowledge-type.js";
import { DataError, NotFoundError, UsageError } from "../cli-errors.js";
import { loadStyle, stdoutIsTTY } from "../output.js";
import type { Style } from "../renderers/style.js";

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
  return (stdoutIsTTY() && process.stdout.columns) || 88;
}
