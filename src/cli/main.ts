/**
 * The entry point, and the only place that sets the exit status.
 *
 * A plain command line is run directly (src/cli/fast-path.ts), without loading commander: that is most of
 * the start-up time of a one-shot command. Anything else (help, version, a mistake to explain,
 * ask, completion, ...) goes to the full program in src/cli/commander-program.ts.
 */
import { CancelledError, EXIT } from "./cli-errors.js";
import { failureOf, printFailure, wantsJson } from "./failure-report.js";
import { fastParse } from "./fast-path.js";
import { discardOutput, err, guardStdout, holdOutput, releaseOutput, requestStop } from "./output.js";

/** Set once the result has been handed to stdout: a signal then no longer changes the outcome. */
let finished = false;
/** Set when stdout could not be written (not a closed pipe, which ends quietly). */
let outputFailed = false;

/** Runs the CLI; resolves with the exit status (never calls process.exit). */
export async function main(argv: string[]): Promise<number> {
  guardStdout((e) => {
    err(`mission-guide: cannot write the output (${e.code ?? e.message}).`);
    outputFailed = true;
    process.exitCode = EXIT.internal;
  });
  const args = argv.slice(2);
  // A command's output goes out whole, in one write, once it has finished.
  holdOutput();
  try {
    const fast = fastParse(args);
    if (!fast) return await (await import("./commander-program.js")).runProgram(argv);
    try {
      return await fast.command.run(fast.positionals, fast.flags);
    } catch (e) {
      discardOutput();
      const f = failureOf(e);
      if (f) {
        printFailure(f, wantsJson(args));
        return f.exitCode;
      }
      return await (await import("./commander-program.js")).report(e, wantsJson(args));
    }
  } finally {
    releaseOutput();
    finished = true;
  }
}

function onSignal(signal: NodeJS.Signals, exitCode: number, cancelled: boolean): void {
  const stop = (): void => {
    if (finished) return;
    discardOutput();
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    if (cancelled) {
      const c = new CancelledError();
      printFailure({ code: c.code, message: c.message, suggestions: [], exitCode }, wantsJson(process.argv.slice(2)));
    }
    releaseOutput();
    // process.exit() would cut short a write still going into a pipe: let what was written drain.
    if (process.stdout.writableLength === 0) process.exit();
    process.stdout.write("", () => process.exit());
    setTimeout(() => process.exit(), 2000).unref();
  };
  process.once(signal, () => {
    if (finished) return;
    process.exitCode = exitCode;
    requestStop();
    if (process.listenerCount(signal) > 0) setTimeout(stop, 1000).unref();
    else stop();
  });
}
onSignal("SIGINT", EXIT.cancelled, true);
// 128 + 15, as a shell reports a process that SIGTERM ended.
onSignal("SIGTERM", 143, false);

main(process.argv).then(
  (c) => {
    process.exitCode = outputFailed ? EXIT.internal : c;
  },
  async (e: unknown) => {
    process.exitCode = await (await import("./commander-program.js")).report(e, wantsJson(process.argv.slice(2)));
    releaseOutput();
    finished = true;
  },
);
