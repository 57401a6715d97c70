/** The program description and the completion model, on a small commander program of their own. */
import { Argument, Command, Option } from "commander";
import { describe, expect, it } from "vitest";
import { describeProgram } from "../../src/shell/program-spec.js";
import { completionModel, completionScript, SHELLS, type Binder } from "../../src/shell/completion-script.js";

function program(): Command {
  const p = new Command("tool").description("a tool").option("--data <dir>", "data").option("--json", "json");
  p.addHelpText("before", "Examples:\n  $ tool go --to Geneva\n");
  p.command("go")
    .description("go somewhere")
    .option("--to <place>", "where")
    .addOption(new Option("--as <format>", "format").choices(["text", "json"]))
    .addArgument(new Argument("[things...]", "what to take"))
    .addHelpText("before", "Examples:\n  $ tool go --to Geneva\n  $ tool go --json > out.json     (a comment)\n");
  p.command("secret", { hidden: true }).description("hidden");
  return p;
}

const bind: Binder = (_command, kind, name) =>
  kind === "option" && name === "to" ? "set:places" : kind === "option" && name === "data" ? "dirs" : null;

describe("describeProgram", () => {
  const spec = describeProgram(program());

  it("lists visible commands with the implicit help command", () => {
    expect(spec.commands.map((c) => c.name)).toEqual(["go", "help"]);
  });

  it("reads options, choices, arguments and the help's examples", () => {
    const go = spec.commands[0]!;
    expect(go.options.map((o) => o.long)).toEqual(["--to", "--as", "--help"]);
    expect(go.options[1]).toMatchObject({ takesValue: true, valueName: "format", choices: ["text", "json"] });
    expect(go.arguments).toEqual([
      { name: "things", description: "what to take", required: false, variadic: true, choices: undefined },
    ]);
    expect(go.examples).toEqual(["tool go --to Geneva", "tool go --json > out.json"]);
    expect(spec.examples).toEqual(["tool go --to Geneva"]);
  });
});

describe("completionModel", () => {
  const spec = describeProgram(program());
  const model = completionModel(spec, {
    sets: { places: ["Geneva", "New York", "Geneva", 'say "hi"', "$HOME", "", "tab\there"] },
    labels: { places: "place" },
    bind,
  });

  it("binds values, turns choices into a list, and keeps only values a shell can take back", () => {
    const go = model.commands[0]!;
    expect(go.options.find((o) => o.names.includes("--to"))?.values).toBe("set:places");
    expect(go.options.find((o) => o.names.includes("--as"))?.values).toBe("set:go-as");
    expect(go.arguments[0]?.values).toBe("any");
    expect(model.globalOptions.find((o) => o.names.includes("--data"))?.values).toBe("dirs");
    expect(model.globalOptions.find((o) => o.names.includes("--json"))?.values).toBeNull();
    expect(model.sets.places).toEqual(["Geneva", "New York"]);
    expect(model.sets["go-as"]).toEqual(["text", "json"]);
    expect(model.labels).toMatchObject({ places: "place", "go-as": "format" });
  });

  it("rejects list names a shell script cannot carry", () => {
    expect(() => completionModel(spec, { sets: { "bad name": [] }, bind })).toThrow(/kebab-case/);
  });

  it.each(SHELLS)("renders a %s script naming every command and list", (shell) => {
    const script = completionScript(shell, model);
    for (const word of ["go", "--to", "--as", "'New York'", "Geneva", "text"]) expect(script).toContain(word);
    expect(script).not.toContain("secret");
  });
});
