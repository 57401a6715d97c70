/** Help that teaches: the top-level help and every command's help lead with real examples. */
import { describe, expect, it } from "vitest";
import { run } from "../support/run.js";

/** The commands the top-level help lists, but `help` itself. */
function commands(): string[] {
  const help = run(["--help"]).stdout;
  const section = help.slice(help.indexOf("\nCommands:\n"));
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== "help");
}

describe("help", () => {
  it("leads with examples at the top level, with or without --help", () => {
    for (const args of [["--help"], ["help"], []]) {
      const r = run(args);
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stdout.startsWith("Examples:\n  $ mission-guide ")).toBe(true);
    }
  });

  it("lists the commands", () => {
    expect(commands()).toEqual(
      expect.arrayContaining(["classify", "hubs", "orgs", "needs", "explain", "compare", "rules", "completion"]),
    );
  });

  it("leads with examples of the command itself, for every command, both ways", () => {
    const list = commands();
    for (const cmd of list) {
      for (const args of [
        ["help", cmd],
        [cmd, "--help"],
      ]) {
        const r = run(args);
        expect(r.status, args.join(" ")).toBe(0);
        expect(r.stdout, args.join(" ")).toMatch(/^Examples:\n {2}\$ /);
        const examples = r.stdout.slice(0, r.stdout.indexOf("\n\n")).split("\n").slice(1);
        expect(examples.length, args.join(" ")).toBeGreaterThan(0);
        for (const e of examples) expect(e, args.join(" ")).toMatch(new RegExp(`mission-guide ${cmd}\\b`));
        expect(r.stdout).toContain(`Usage: mission-guide ${cmd}`);
      }
    }
  });

  it("lists the global options in each command's help", () => {
    const r = run(["help", "hubs"]);
    expect(r.stdout).toMatch(/Global Options:[\s\S]*--json[\s\S]*--data <dir>/);
  });

  it("exits 2 for help on an unknown command", () => {
    const r = run(["help", "nosuch"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nosuch/);
  });
});
