/** The fast path agrees with the full program: same options, same arguments, same answers. */
import { describe, expect, it } from "vitest";
import { fastParse, readCommandLine } from "../../src/cli/fast-path.js";
import { buildProgram } from "../../src/cli/commander-program.js";
import { COMMAND_TABLE } from "../../src/cli/command-table.js";
import { run } from "../support/run.js";

const program = buildProgram(() => undefined);

describe("command table", () => {
  it.each(COMMAND_TABLE.commands.map((c) => c.name))("the commander program's %s is the table's", (name) => {
    const cmd = program.commands.find((c) => c.name() === name)!;
    const entry = COMMAND_TABLE.commands.find((c) => c.name === name)!;
    expect(cmd.description()).toBe(entry.summary);
    expect(cmd.options.map((o) => o.long)).toEqual(entry.options.map((o) => `--${o.name}`));
    expect(cmd.registeredArguments.map((a) => [a.name(), a.required, a.variadic])).toEqual(
      entry.arguments.map((a) => [a.name, a.required, a.variadic === true]),
    );
  });
});

describe("fast path", () => {
  it("takes plain command lines and leaves the rest to the program", () => {
    expect(fastParse(["hubs", "--city", "Geneva", "--json"])?.flags).toEqual({ city: "Geneva", json: true });
    expect(fastParse(["classify", "lost", "my", "passport", "--citizen=CA", "--no-color"])).toMatchObject({
      positionals: ["lost", "my", "passport"],
      flags: { citizen: ["CA"], color: false },
    });
    for (const args of [
      ["hubs", "--help"],
      ["hubs", "-h"],
      ["hubs", "--cty", "Geneva"],
      ["hubs", "--city"],
      ["hubs", "--city", ""],
      ["hubs", "extra"],
      ["explain"],
      ["help", "hubs"],
      ["rules", "--format", "svg"],
      ["--version"],
      ["classify", "--", "--json"],
      ["hubs", "--city", "A", "--city", "B"],
    ])
      expect(fastParse(args), args.join(" ")).toBeNull();
  });

  it("tells which word is wrong, for commander's error codes to be told in our words", () => {
    expect(readCommandLine(["hubs", "--cty=x"]).problems).toEqual([
      { kind: "unknown-option", word: "--cty", known: expect.arrayContaining(["--city", "--json"]) as string[] },
    ]);
    expect(readCommandLine(["rules", "--format", "svg"]).problems).toMatchObject([
      { kind: "invalid-value", what: "--format", value: "svg" },
    ]);
    expect(readCommandLine(["explain"]).problems).toEqual([{ kind: "missing-argument", name: "office-type" }]);
    expect(readCommandLine(["hubs", "a", "b"]).problems).toEqual([{ kind: "excess-arguments", extra: ["a", "b"] }]);
    expect(readCommandLine(["--json", "hubz"]).problems).toEqual([{ kind: "unknown-command", word: "hubz" }]);
    expect(readCommandLine(["help", "clasify"]).helpFor).toBe("clasify");
  });

  it("answers as the full program does", () => {
    // The same command line through each path: "--" sends it to commander without changing it.
    const a = run(["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--json"]);
    const b = run(["classify", "--citizen", "CA", "--in", "Geneva", "--json", "--", "lost my passport"]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });
});
