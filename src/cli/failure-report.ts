/**
 * How a failure is told: one line on stderr (user text escaped), and with --json an error document
 * on stdout. Shared by the fast path (src/cli/main.ts) and the full program (src/cli/commander-program.ts).
 */
import { CliError, EXIT } from "./cli-errors.js";
import { err, out } from "./output.js";
import { escapeJson, escapeText } from "../engine/text/escape-controls.js";

/** Whether --json was asked for, read from argv so even parse errors can answer in JSON. */
export function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

export interface Failure {
  code: string;
  message: string;
  suggestions: string[];
  exitCode: number;
  /** Where to read more, after the suggestions: "See: mission-guide hubs --help". */
  see?: string;
}

/** One line on stderr, whatever the message holds (user text is escaped, never obeyed); JSON too. */
export function printFailure(f: Failure, json: boolean): void {
  const hint = f.suggestions.length ? ` Did you mean ${f.suggestions.map((s) => JSON.stringify(s)).join(" or ")}?` : "";
  err(escapeText(`mission-guide: ${f.message}${hint}${f.see ? ` ${f.see}` : ""}`));
  if (json) {
    const doc = { schemaVersion: 1, error: { code: f.code, message: f.message, suggestions: f.suggestions } };
    out(escapeJson(JSON.stringify(doc)));
  }
}

/** Our own typed errors (and the engine's and the data loader's, by name), as failures. */
export function failureOf(e: unknown): Failure | null {
  if (e instanceof CliError)
    return { code: e.code, message: e.message, suggestions: e.suggestions, exitCode: e.exitCode };
  if (e instanceof Error && e.name === "EngineError") {
    const ee = e as Error & { code: string; suggestions?: string[] };
    const exitCode = ee.code === "unknown-need" ? EXIT.notFound : EXIT.usage;
    return { code: ee.code, message: ee.message, suggestions: ee.suggestions ?? [], exitCode };
  }
  if (e instanceof Error && e.name === "DataLoadError") {
    return { code: "bad-data", message: `Invalid data: ${e.message}`, suggestions: [], exitCode: EXIT.usage };
  }
  return null;
}
