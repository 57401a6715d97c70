/** `classify`: one need in words → the answer card or JSON. */
import { existsSync, fstatSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { classify, requireText } from "../../engine/answer/classify-need.js";
import { EXIT, UsageError } from "../cli-errors.js";
import { err, out, outJson, stdoutClosed, stopRequested } from "../output.js";
import { escapeText } from "../../engine/text/escape-controls.js";
import { renderCard } from "../renderers/answer-card.js";
import { knowledge, lookup, style, width, type GlobalOptions } from "./command-context.js";

export interface ClassifyFlags extends GlobalOptions {
  /** One citizenship, or several (repeated --citizen). */
  citizen?: string | string[];
  in?: string;
  to?: string;
  org?: string;
  explain?: boolean;
  stdin?: boolean;
}

async function runStdin(words: string[], flags: ClassifyFlags): Promise<number> {
  if (words.length > 0) {
    throw new UsageError("--stdin reads the needs from standard input; give no words with it.", "usage");
  }
  if (process.stdin.isTTY) {
    throw new UsageError(
      "--stdin reads one need per line from a pipe or a file, e.g. mission-guide classify --stdin < needs.txt",
      "no-input",
    );
  }
  // A directory as standard input reads as nothing at all: say so rather than answer nothing.
  let isDirectory = false;
  try {
    isDirectory = fstatSync(0).isDirectory();
  } catch {
    throw new UsageError("--stdin: standard input cannot be read; pipe or redirect a file of needs", "no-input");
  }
  if (isDirectory) {
    throw new UsageError(
      "--stdin: standard input is a directory; redirect a file of needs, e.g. < needs.txt",
      "no-input",
    );
  }
  if (citizenList(flags).length > 1) {
    // Never drop one silently: a batch line carries one citizenship.
    throw new UsageError("--stdin takes one --citizen; answer several citizenships one need at a time", "usage");
  }
  const k = await knowledge(flags);
  const { runBatch, batchStatus } = await import("./batch.js");
  const { startPool, workerCount } = await import("./batch-pool.js");
  const defaults = { citizen: citizenList(flags)[0], in: flags.in, to: flags.to, org: flags.org };
  // A long batch is answered by worker threads, each running the built worker (dist/); run from
  // source there is none, and the batch stays in this thread.
  const pool = () => {
    const script = fileURLToPath(new URL("./batch-worker.cjs", import.meta.url));
    const count = workerCount();
    if (count === 0 || !existsSync(script)) return null;
    return startPool(script, count, { overlay: flags.data, defaults, explain: flags.explain === true });
  };
  // SIGTERM: stop reading, answer what has been read, end after a whole line. (Ending the input
  // stream wakes a loop that is waiting for more.)
  let stop = false;
  const onTerm = (): void => {
    stop = true;
    process.stdin.destroy();
  };
  process.once("SIGTERM", onTerm);
  const stdout = process.stdout;
  let stats;
  try {
    stats = await runBatch(
      k,
      process.stdin,
      (chunk, done) => {
        if (!stdoutClosed()) return stdout.write(chunk, () => done());
        done();
        return true;
      },
      () =>
        new Promise<void>((resolve) => {
          if (stdoutClosed()) resolve();
          else stdout.once("drain", () => resolve());
        }),
      defaults,
      () => stop || stopRequested(),
      // --explain: each line's answer carries its rule trace, as `classify --json --explain` does.
      { explain: flags.explain === true, pool },
    );
  } catch (e) {
    if (!stop) throw e;
    return SIGTERM_STATUS;
  } finally {
    process.removeListener("SIGTERM", onTerm);
  }
  return stop ? SIGTERM_STATUS : batchStatus(stats);
}

/** The citizenships given: --citizen once (a string) or repeated (a list). */
export function citizenList(flags: { citizen?: string | string[] | undefined }): string[] {
  const c = flags.citizen;
  return Array.isArray(c) ? c : c ? [c] : [];
}

/** 128 + 15: what a shell reports for a process that SIGTERM ended. */
const SIGTERM_STATUS = 143;

export async function run(words: string[], flags: ClassifyFlags): Promise<number> {
  if (flags.stdin) return runStdin(words, flags);
  const text = words.join(" ");
  const k = await knowledge(flags);
  lookup(() => requireText(text));
  const citizens = citizenList(flags);
  const answer = lookup(() =>
    classify(k, text, { citizen: citizens[0], citizens, in: flags.in, to: flags.to, org: flags.org }),
  );
  // A flag that contradicts the need: said on stderr too, not only in the card or the JSON.
  for (const w of answer.warnings ?? []) err(`mission-guide: warning: ${escapeText(w)}`);
  if (flags.json) {
    const { trace, ...rest } = answer;
    outJson(flags.explain ? answer : rest);
    void trace;
  } else {
    out(renderCard(answer, await style(flags), { explain: flags.explain === true, width: width() }));
  }
  if (!answer.answer) {
    const alts = answer.alternatives.map((a) => a.need).join(", ");
    err(
      `mission-guide: no need recognised in "${escapeText(text.slice(0, 80))}"${alts ? `; closest: ${alts}` : ""}. See: mission-guide needs`,
    );
    return EXIT.notFound;
  }
  return EXIT.ok;
}
