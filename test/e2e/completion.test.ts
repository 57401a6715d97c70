/**
 * The completion scripts the built CLI prints, run in the real shells: bash always (the test calls
 * the completion function as bash would, with COMP_WORDS and COMP_CWORD set), zsh and fish when
 * they are installed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../support/run.js";

const has = (cmd: string): boolean => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0;
const HAS_ZSH = has("zsh");
const HAS_FISH = has("fish");

let dir = "";
const script = (shell: string): string => join(dir, `mission-guide.${shell}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "mg-completion-"));
  for (const shell of ["bash", "zsh", "fish"]) {
    const r = run(["completion", shell]);
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(script(shell), r.stdout);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What bash's completion function offers for the words typed so far (the last one is the cursor's). */
function complete(...words: string[]): string[] {
  const program = [
    "set -u",
    `source ${JSON.stringify(script("bash"))}`,
    `COMP_WORDS=(${words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "COMPREPLY=()",
    "_mission_guide",
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join("\n");
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", program], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", HOME: dir },
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout.split("\n").filter(Boolean);
}

describe("bash", () => {
  it("completes a partial command", () => {
    expect(complete("mission-guide", "hu")).toEqual(["hubs"]);
    expect(complete("mission-guide", "c")).toEqual(expect.arrayContaining(["classify", "compare", "completion"]));
  });

  it("offers every command the help lists", () => {
    const help = run(["--help"]).stdout;
    const listed = [...help.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(5);
    expect(complete("mission-guide", "")).toEqual(expect.arrayContaining(listed));
  });

  it("completes a partial city, in any case", () => {
    expect(complete("mission-guide", "hubs", "--city", "Gen")).toContain("Geneva");
    expect(complete("mission-guide", "hubs", "--city", "gen")).toEqual(expect.arrayContaining(["Geneva", "Genf"]));
    expect(complete("mission-guide", "hubs", "--city", "Vie")).toContain("Vienna");
  });

  it("completes --city=value, which bash splits at =", () => {
    expect(complete("mission-guide", "hubs", "--city", "=", "Gen")).toContain("Geneva");
    expect(complete("mission-guide", "hubs", "--city", "=")).toContain("Geneva");
  });

  it("quotes values with spaces the way the word is quoted", () => {
    expect(complete("mission-guide", "hubs", "--city", "New")).toContain("New\\ York");
    expect(complete("mission-guide", "hubs", "--city", "New\\ Y")).toContain("New\\ York");
    expect(complete("mission-guide", "hubs", "--city", '"New')).toContain("New York");
    expect(complete("mission-guide", "hubs", "--city", "'New")).toContain("New York");
    expect(complete("mission-guide", "classify", "--citizen", "'Côte")).toEqual(["Côte d'\\''Ivoire"]);
    expect(complete("mission-guide", "classify", "--citizen", "Côte")).toEqual(["Côte\\ d\\'Ivoire"]);
  });

  it("completes a state by nationality as well as by name, as --citizen accepts both", () => {
    const canadi = complete("mission-guide", "classify", "--citizen", "Canadi");
    expect(canadi).toEqual(expect.arrayContaining(["Canadian", "Canadienne"]));
    expect(new Set(canadi.map((w) => w.toLowerCase())).size, "no word twice in another case").toBe(canadi.length);
    expect(complete("mission-guide", "missions", "--country", "Swis")).toContain("Swiss");
    expect(complete("mission-guide", "classify", "--citizen", "Cana")).toEqual(
      expect.arrayContaining(["Canada", "Canadian"]),
    );
  });

  it.each(["zsh", "fish"])("lists nationalities among the %s script's countries", (shell) => {
    const lines = run(["completion", shell]).stdout.split("\n");
    const countries = lines[lines.findIndex((l) => /'countries'/.test(l)) + (shell === "fish" ? 1 : 0)]!;
    for (const word of ["'Canada'", "'Canadian'", "'Swiss'"]) expect(countries).toContain(word);
  });

  it("completes countries, places, organizations, office types, needs and formats", () => {
    expect(complete("mission-guide", "classify", "--citizen", "ca")).toEqual(expect.arrayContaining(["CA", "Canada"]));
    expect(complete("mission-guide", "classify", "--in", "Gen")).toContain("Geneva");
    expect(complete("mission-guide", "classify", "--in", "Switz")).toContain("Switzerland");
    expect(complete("mission-guide", "hubs", "--org", "IA")).toEqual(["IAEA"]);
    expect(complete("mission-guide", "orgs", "NA")).toEqual(["NATO"]);
    expect(complete("mission-guide", "explain", "perm")).toContain("permanent-mission");
    expect(complete("mission-guide", "compare", "embassy", "consu")).toContain("consulate");
    expect(complete("mission-guide", "classify", "passport-l")).toEqual(["passport-lost"]);
    expect(complete("mission-guide", "needs", "--category", "multi")).toEqual(["multilateral"]);
    expect(complete("mission-guide", "rules", "--format", "")).toEqual(["table", "json", "mermaid", "dot"]);
    expect(complete("mission-guide", "completion", "")).toEqual(["bash", "zsh", "fish"]);
    expect(complete("mission-guide", "help", "cl")).toEqual(["classify"]);
  });

  it("completes options, with the global ones, and skips option values when finding the command", () => {
    expect(complete("mission-guide", "hubs", "--c")).toEqual(["--city", "--country"]);
    expect(complete("mission-guide", "rules", "--")).toEqual(expect.arrayContaining(["--format", "--json", "--data"]));
    expect(complete("mission-guide", "--data", "/tmp", "hubs", "--city", "Gen")).toContain("Geneva");
    expect(complete("mission-guide", "--data", "/tm")).toContain("/tmp");
  });

  it("offers nothing where nothing fits", () => {
    expect(complete("mission-guide", "hubs", "--city", "Atlantis")).toEqual([]);
    expect(complete("mission-guide", "nosuch", "")).toEqual([]);
  });
});

describe("zsh", () => {
  it.skipIf(!HAS_ZSH)("is valid zsh", () => {
    const r = spawnSync("zsh", ["-n", script("zsh")], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("registers itself for mission-guide", () => {
    const r = run(["completion", "zsh"]);
    expect(r.stdout.startsWith("#compdef mission-guide\n")).toBe(true);
    expect(r.stdout).toContain("compdef _mission_guide mission-guide");
  });
});

describe("fish", () => {
  const fish = (line: string): string[] => {
    const r = spawnSync(
      "fish",
      ["--no-config", "-c", `source ${JSON.stringify(script("fish"))}; complete -C ${JSON.stringify(line)}`],
      { encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", HOME: dir } },
    );
    expect(r.stderr).toBe("");
    return r.stdout
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("\t")[0]!);
  };

  it.skipIf(!HAS_FISH)("completes commands, cities with spaces, and formats", () => {
    expect(fish("mission-guide hu")).toEqual(["hubs"]);
    expect(fish("mission-guide hubs --city Gen")).toContain("Geneva");
    expect(fish("mission-guide hubs --city New")).toContain("New York");
    expect(fish("mission-guide rules --format ")).toEqual(expect.arrayContaining(["table", "json", "mermaid", "dot"]));
    expect(fish("mission-guide --data /tmp hubs --org IA")).toEqual(["IAEA"]);
  });
});

describe("completion command", () => {
  it("rejects an unknown shell with exit 2", () => {
    const r = run(["completion", "tcsh"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
    expect(r.stdout).toBe("");
  });

  it("wraps the script in JSON with --json", () => {
    const r = run(["completion", "bash", "--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; shell: string; script: string };
    expect(doc).toMatchObject({ schemaVersion: 1, shell: "bash" });
    expect(doc.script).toContain("complete -F _mission_guide mission-guide");
  });
});
