/** The man page that `npm run build` writes from the command definitions. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { roff } from "../../src/shell/man-page.js";
import { run } from "../support/run.js";

const PAGE = new URL("../../man/mission-guide.1", import.meta.url);
const HAS_GROFF = spawnSync("groff", ["--version"]).status === 0;

describe("man page", () => {
  const page = readFileSync(PAGE, "utf8");

  it("is the page the CLI renders, dated by the changelog", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const date = new RegExp(`^## \\[${pkg.version.replace(/\./g, "\\.")}\\] - (\\S+)`, "m").exec(changelog)?.[1];
    expect(date).toBeDefined();
    expect(run(["man", "--date", date!]).stdout).toBe(page);
    expect(page).toContain(`.TH MISSION\\-GUIDE 1 "${date}" "mission\\-guide ${pkg.version}"`);
  });

  it("documents every command the help lists, with its examples, and the exit statuses", () => {
    const help = run(["--help"]).stdout;
    const commands = [...help.slice(help.indexOf("\nCommands:\n")).matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map(
      (m) => m[1]!,
    );
    for (const c of commands) expect(page).toContain(`.SS "mission\\-guide ${c.replace(/-/g, "\\-")}`);
    expect(page).toContain("$ mission\\-guide hubs \\-\\-city Genf");
    for (const s of ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT"]) {
      expect(page).toContain(`.SH ${s}\n`);
    }
    expect(page).not.toMatch(/[^\p{ASCII}]/u);
  });

  it.skipIf(!HAS_GROFF)("formats without warnings", () => {
    const r = spawnSync("groff", ["-man", "-Tutf8", "-ww", "-z", PAGE.pathname], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("escapes roff", () => {
    expect(roff(".start\n'quote\nback\\slash é")).toBe("\\&.start\n\\&'quote\nback\\eslash \\[u00E9]");
  });
});
