/**
 * Writing results: buffered into large chunks, quiet when the reader goes away (EPIPE), and
 * colour decided once for the whole process.
 */
import { fstatSync, statSync, writeSync } from "node:fs";
import type { Style } from "./renderers/style.js";
import { PLAIN } from "./renderers/style.js";
import { escapeJson, terminalText } from "../engine/text/escape-controls.js";

let closed = false;
let installed = false;
/** Whether `process.stdout` has been made (by this module or anyone else). */
let stdoutMade = false;
let onStdoutFailure: (e: NodeJS.ErrnoException) => void = () => undefined;

/**
 * Calls `onMade` with `process[name]` when the stream is first made, by whoever reads it first.
 * Making stdout costs a one-shot command ~5 ms (Node loads its stream and pipe modules), and most
 * commands need only write their one held result: `flushOutput` writes it to the descriptor.
 */
function whenMade(name: "stdout" | "stderr", onMade: (s: NodeJS.WriteStream) => void): void {
  const desc = Object.getOwnPropertyDescriptor(process, name);
  const make = desc?.get;
  if (!make || !desc.configurable) {
    onMade(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: desc.enumerable ?? true,
    get(): NodeJS.WriteStream {
      const stream = make.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, { configurable: true, enumerable: desc.enumerable ?? true, value: stream });
      onMade(stream);
      return stream;
    },
  });
}

/**
 * Ends quietly when stdout's reader goes away (`... | head`), and stderr's (`2>&1 | head`). Any
 * other failure to write stdout (a full disk) stops the output and is passed to `onFailure`.
 */
export function guardStdout(onFailure: (e: NodeJS.ErrnoException) => void = () => undefined): void {
  if (installed) return;
  installed = true;
  onStdoutFailure = onFailure;
  whenMade("stdout", (stream) => {
    stdoutMade = true;
    stream.on("error", stdoutFailed);
  });
  // Nowhere left to report a failure of stderr itself: drop it rather than crash on it.
  whenMade("stderr", (stream) => stream.on("error", () => undefined));
}

function stdoutFailed(e: NodeJS.ErrnoException): void {
  closed = true;
  held = null;
  if (e.code !== "EPIPE") onStdoutFailure(e);
}

/**
 * Writes to stdout: through the stream once it is made, else straight to the descriptor, as Node
 * writes a pipe or a file on Linux anyway (synchronously). A descriptor that would block (a
 * non-blocking pipe that is full) hands the rest to the stream.
 */
function writeStdout(text: string): void {
  if (stdoutMade || !installed) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EAGAIN") process.stdout.write(bytes.subarray(done));
    else stdoutFailed(e as NodeJS.ErrnoException);
  }
}

/**
 * Whether stdout is a terminal, without making the stream for a pipe, a file or /dev/null (a
 * character device, as a terminal is).
 */
export function stdoutIsTTY(): boolean {
  if (!stdoutMade) {
    try {
      const st = fstatSync(1);
      if (!st.isCharacterDevice() || st.rdev === statSync("/dev/null").rdev) return false;
    } catch {
      return false;
    }
  }
  return process.stdout.isTTY === true;
}

export function stdoutClosed(): boolean {
  return closed;
}

/**
 * Output held back while a command runs, so that its whole result goes out in one write: a signal
 * or a closed pipe then cuts it before or after, never in the middle of a JSON document.
 */
let held: string[] | null = null;
let heldSize = 0;
/** Past this, held output is written anyway (memory stays flat whatever a command prints). */
const HOLD_LIMIT = 4 * 1024 * 1024;

/** Holds stdout output until `releaseOutput()` (the CLI holds it around each command). */
export function holdOutput(): void {
  held ??= [];
}

/** Writes what is held, in one write, and stops holding. */
export function releaseOutput(): void {
  flushOutput();
  held = null;
}

/** Drops what is held: the command did not finish (a signal), so its output is not whole. */
export function discardOutput(): void {
  if (held) held = [];
  heldSize = 0;
}

/** Writes what is held, in one write, and goes on holding. */
export function flushOutput(): void {
  if (!held || held.length === 0) return;
  const text = held.join("");
  held = [];
  heldSize = 0;
  if (!closed) writeStdout(text);
}

/** Whether the process colours its output (then its own style sequences are let through). */
let styled = false;

/**
 * Writes text to stdout unless the reader has gone. Text is made safe for a terminal here, whatever
 * it holds (data, overlay text, file names, user input): see terminalText. JSON documents go
 * through outJson, whose escaping keeps them the same documents.
 */
export function out(text: string): void {
  writeOut(terminalText(text, styled));
}

function writeOut(text: string): void {
  if (closed) return;
  const line = text.endsWith("\n") ? text : `${text}\n`;
  if (held) {
    held.push(line);
    heldSize += line.length;
    if (heldSize > HOLD_LIMIT) flushOutput();
  } else writeStdout(line);
}

/** One line on stderr (after the stdout output so far, so a terminal shows them in order). */
export function err(text: string): void {
  flushOutput();
  process.stderr.write(`${terminalText(text)}\n`);
}

let stopping = false;
/** Whether SIGTERM has asked the process to stop: a streaming command ends after a whole line. */
export function stopRequested(): boolean {
  return stopping;
}
export function requestStop(): void {
  stopping = true;
}

/** A JSON document on stdout (user text in it cannot restyle a terminal it is shown on). */
export function outJson(value: unknown): void {
  writeOut(escapeJson(JSON.stringify(value, null, 2)));
}

export interface ColorOptions {
  color?: boolean;
}

/**
 * Whether to colour: only when the stream is a terminal, TERM is not dumb, NO_COLOR is unset and
 * --no-color was not given; FORCE_COLOR forces it, but never over NO_COLOR or --no-color (chalk on
 * its own lets FORCE_COLOR win and ignores NO_COLOR: it is only ever given the level decided here).
 */
export function colorLevel(opts: ColorOptions, stream?: NodeJS.WriteStream): 0 | 1 {
  const env = process.env;
  if (opts.color === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return 1;
  if (env.TERM === "dumb") return 0;
  return (stream ? stream.isTTY : stdoutIsTTY()) ? 1 : 0;
}

/** The one style for the process: chalk when colouring (loaded only then), else plain text. */
export async function loadStyle(opts: ColorOptions): Promise<Style> {
  if (colorLevel(opts) === 0) return PLAIN;
  styled = true;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
