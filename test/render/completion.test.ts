/** The completion model and scripts, on a small command table of their own. */
import { describe, expect, it } from "vitest";
import type { ProgramSpec } from "../../src/shell/program-spec.js";
import { completionModel, completionScript, SHELLS } from "../../src/shell/completion-script.js";

const spec: ProgramSpec = {
  name: "tool",
  summary: "a tool",
  version: "1.0.0",
  options: [
    { name: "data", value: "dir", summary: "data", complete: "dirs" },
    { name: "json", summary: "json" },
    { name: "debug", summary: "", hidden: true },
  ],
  examples: ["tool go --to Geneva"],
  commands: [
    {
      name: "go",
      summary: "go somewhere",
      arguments: [{ name: "things", summary: "what to take", required: false, variadic: true }],
      options: [
        { name: "to", value: "place", summary: "where", complete: "places" },
        { name: "as", value: "format", summary: "format", choices: ["text", "json"] },
        { name: "who", value: "country", summary: "citizen", complete: "countries" },
      ],
      examples: ["tool go --to Geneva", "tool go --json > out.json     # a comment"],
    },
    { name: "secret", summary: "hidden", arguments: [], options: [], examples: [], hidden: true },
  ],
};

describe("completionModel", () => {
  const model = completionModel(spec, {
    sets: {
      places: ["Geneva", "New York", "Geneva", 'say "hi"', "$HOME", "", "tab\there"],
      countries: ["Canada", "CA", "Canadian"],
    },
    labels: { places: "place" },
  });

  it("binds values by the table's sources, turns choices into a list, and keeps only values a shell can take back", () => {
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

  it("leaves hidden commands and options out, and adds help and version as commander does", () => {
    expect(model.commands.map((c) => c.name)).toEqual(["go", "help"]);
    expect(model.globalOptions.flatMap((o) => o.names)).toEqual([
      "--data",
      "--json",
      "-V",
      "--version",
      "-h",
      "--help",
    ]);
  });

  it("rejects list names a shell script cannot carry", () => {
    expect(() => completionModel(spec, { sets: { "bad name": [] } })).toThrow(/kebab-case/);
  });

  it.each(SHELLS)("renders a %s script naming every command and list", (shell) => {
    const script = completionScript(shell, model);
    for (const word of ["go", "--to", "--as", "'New York'", "Geneva", "text", "Canadian"])
      expect(script).toContain(word);
    expect(script).not.toContain("secret");
  });
});
