/**
 * The prompt libraries cost startup time: only `ask` may load them. Reads the built bundle's
 * import graph (tsup code-splits it into chunks) from the entry and from a flag-driven command.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

const DIST = join(dirname(BIN), "..", "dist");

function source(file: string): string {
  return readFileSync(join(DIST, file), "utf8");
}

/** The chunks a file loads before it runs: its static imports, and theirs. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = source(file);
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) todo.push(m[1]!);
  }
  return seen;
}

/** The chunk a command's action imports lazily (from dist/cli.js or the program it loads). */
function commandChunk(name: string): string {
  const re = new RegExp(`import\\(\\s*["']\\./(${name}-[\\w-]+\\.js)["']\\s*\\)`);
  for (const file of readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    const m = re.exec(source(file));
    if (m) return m[1]!;
  }
  throw new Error(`no lazy import of the ${name} command in dist/`);
}

function importsInquirer(files: Iterable<string>): string[] {
  return [...files].filter((f) => /["']@inquirer\//.test(source(f)));
}

describe("prompt libraries load only for ask", () => {
  it("dist/cli.js and what it loads at startup do not import inquirer", () => {
    expect(importsInquirer(staticGraph("cli.js"))).toEqual([]);
  });

  it("the hubs and classify commands do not import inquirer", () => {
    for (const command of ["hubs", "classify"]) {
      expect(importsInquirer(staticGraph(commandChunk(command))), command).toEqual([]);
    }
  });

  it("ask loads them only once it will prompt (not to refuse without a terminal)", () => {
    const ask = commandChunk("ask");
    expect(importsInquirer(staticGraph(ask))).toEqual([]);
    const lazy = [...source(ask).matchAll(/import\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)].map((m) => m[1]!);
    const withPrompts = lazy.flatMap((f) => importsInquirer(staticGraph(f)));
    expect(withPrompts.length).toBeGreaterThan(0);
  });
});
