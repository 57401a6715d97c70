/** The fast path agrees with the full program: same options, same arguments, same answers. */
import { describe, expect, it } from "vitest";
import { FAST_COMMANDS, FAST_GLOBALS, fastParse } from "../../src/cli/fast-path.js";
import { buildProgram } from "../../src/cli/commander-program.js";
import { run } from "../support/run.js";

const program = buildProgram(() => undefined);

describe("fast path", () => {
  it.each(Object.keys(FAST_COMMANDS))("%s takes the options and arguments the program defines", (name) => {
    const cmd = program.commands.find((c) => c.name() === name)!;
    expect(cmd, name).toBeTruthy();
    const fast = FAST_COMMANDS[name]!;
    const defined = cmd.options.map((o) => ({ name: o.long!.slice(2), takesValue: o.required || o.optional }));
    expect(
      defined
        .filter((o) => o.takesValue)
        .map((o) => o.name)
        .sort(),
    ).toEqual([...fast.values].sort());
    expect(
      defined
        .filter((o) => !o.takesValue)
        .map((o) => o.name)
        .sort(),
    ).toEqual([...fast.switches].sort());
    const args = cmd.registeredArguments;
    const most = args.some((a) => a.variadic) ? Infinity : args.length;
    const least = args.filter((a) => a.required).length;
    expect(fast.positionals).toEqual([least, most]);
  });

  it("knows the program's global options", () => {
    const globals = program.options.filter(
      (o) => o.long !== "--version" && o.long !== "--debug" && o.long !== "--help",
    );
    const values = globals.filter((o) => o.required || o.optional).map((o) => o.long!.slice(2));
    const switches = globals.filter((o) => !(o.required || o.optional)).map((o) => o.long!.slice(2));
    expect(values.sort()).toEqual([...FAST_GLOBALS.values].sort());
    expect(switches.sort()).toEqual([...FAST_GLOBALS.switches].sort());
  });

  it("takes plain command lines and leaves the rest to the program", () => {
    expect(fastParse(["hubs", "--city", "Geneva", "--json"])?.flags).toEqual({ city: "Geneva", json: true });
    expect(fastParse(["classify", "lost", "my", "passport", "--citizen=CA", "--no-color"])).toMatchObject({
      positionals: ["lost", "my", "passport"],
      flags: { citizen: "CA", color: false },
    });
    for (const args of [
      ["hubs", "--help"],
      ["hubs", "-h"],
      ["hubs", "--cty", "Geneva"],
      ["hubs", "--city"],
      ["hubs", "--city", ""],
      ["hubs", "extra"],
      ["explain"],
      ["ask"],
      ["--version"],
      ["classify", "--", "--json"],
      ["hubs", "--city", "A", "--city", "B"],
    ])
      expect(fastParse(args), args.join(" ")).toBeNull();
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
