/**
 * Writing results: buffered into large chunks, quiet when the reader goes away (EPIPE), and
 * colour decided once for the whole process.
 */
import { Chalk, type ChalkInstance } from "chalk";

let closed = false;
let installed = false;

/** Ends quietly when stdout's reader goes away (`... | head`). */
export function guardStdout(): void {
  if (installed) return;
  installed = true;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") {
      closed = true;
      return;
    }
    throw err;
  });
}

export function stdoutClosed(): boolean {
  return closed;
}

/** Writes text to stdout unless the reader has gone. */
export function out(text: string): void {
  if (!closed) process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** One line on stderr. */
export function err(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** A JSON document on stdout. */
export function outJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

export interface ColorOptions {
  color?: boolean;
}

/**
 * The one chalk instance. Colour only when stdout is a terminal, TERM is not dumb, NO_COLOR is
 * unset and --no-color was not given; FORCE_COLOR forces it (chalk alone ignores NO_COLOR).
 */
export function makeChalk(opts: ColorOptions, stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  const env = process.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (opts.color === false) level = 0;
  else if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") level = 1;
  else if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") level = 0;
  else if (env.TERM === "dumb") level = 0;
  else if (stream.isTTY) level = 1;
  return new Chalk({ level });
}
