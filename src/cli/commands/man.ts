/**
 * `man`: the man page, rendered from the command table: in man's pager on a terminal, as roff
 * otherwise. scripts/build-man.mjs runs it at build time to write man/mission-guide.1.
 */
import { spawnSync } from "node:child_process";
import { EXIT, UsageError } from "../cli-errors.js";
import { err, out } from "../output.js";
import type { ProgramSpec } from "../../shell/program-spec.js";
import { manPage } from "../../shell/man-page.js";

const DESCRIPTION = [
  "mission-guide answers which office serves a need stated in your own words \u2014 renew a passport, get a visa, register a birth abroad, raise a WTO dispute \u2014 given, where it matters, your citizenship, where you are and where you are going. It names the office, says why, says what it is not, and cites where each fact comes from. It runs offline from bundled, dated data.",
  "- An embassy represents one state to another. Its consular section and the state's consulates serve that state's own citizens abroad and receive foreigners' visa applications.",
  "- A permanent mission represents a state to an international organization (the UN in New York, the WTO in Geneva, the IAEA in Vienna, NATO in Brussels). It negotiates and votes; it does not issue passports or visas.",
  "- Many needs are served by neither: at home a passport comes from the passport authority, an apostille from the state that issued the document, a UN job from the UN itself.",
  "Countries are accepted as ISO codes, names in several languages and nationalities; places as cities in their local and foreign names, or countries; organizations by acronym or name. Every command that prints a result accepts --json and then prints a versioned JSON document.",
  "mission-guide guides; it does not decide. The office's own website has the last word.",
];

const EXIT_MEANINGS: Record<string, string> = {
  ok: "answered",
  internal: "internal error (a bug); the stack trace is printed with DEBUG=mission-guide",
  usage: "usage error: a bad option or value, invalid --data, or input needed but not available",
  notFound: "nothing found: the need was not recognised, or nothing matched",
  cancelled: "cancelled (Ctrl-C)",
};

const ENVIRONMENT: [string, string][] = [
  ["NO_COLOR", "when set and not empty, no colour (like --no-color)"],
  ["FORCE_COLOR", "when set (and not 0 or false), colour even when stdout is not a terminal"],
  ["TERM", "set to dumb: no colour"],
  ["DEBUG", "set to mission-guide (alone or in a comma-separated list): print the stack trace of an internal error"],
];

export interface ManFlags {
  date?: string;
}

export function run(table: ProgramSpec, flags: ManFlags): number {
  const date = flags.date ?? "";
  if (date !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new UsageError(`--date must be YYYY-MM-DD, not ${JSON.stringify(date)}.`, "bad-date");
  }
  const page = manPage(table, {
    date,
    description: DESCRIPTION,
    exitStatus: Object.entries(EXIT).map(([name, status]) => [status, EXIT_MEANINGS[name] ?? name]),
    environment: ENVIRONMENT,
    seeAlso: [`${table.name} help <command>`, "the README shipped with the package"],
  });
  // On a terminal, roff is no use to read: show it in man's pager where man can read a page from stdin.
  if (process.stdout.isTTY) {
    const shown = spawnSync("man", ["-l", "-"], { input: page, stdio: ["pipe", "inherit", "inherit"] });
    if (!shown.error && shown.status === 0) return EXIT.ok;
    err(`mission-guide: this is the manual page as roff; to read it: ${table.name} man | man -l -  (or: | mandoc -a)`);
  }
  out(page);
  return EXIT.ok;
}
