/**
 * The layers of src/, each importing only from the layers below it:
 *   model (shapes) < engine (pure) < store (fs, process) < shell (completion, man) < cli (the exit).
 * The engine also imports no I/O, no process, no terminal library and no zod at run time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const RANK: Record<string, number> = { model: 0, engine: 1, store: 2, shell: 3, cli: 4 };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}
const layerOf = (file: string): string => relative(SRC, file).split("/")[0]!;

/** Every import of a file: its specifier, and whether it is for types only. */
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, "utf8");
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms))
    out.push({ spec: m[3]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

describe("layers", () => {
  const all = files(SRC).filter((f) => dirname(f) !== SRC.replace(/\/$/, ""));

  it("every file of src/ but the entry point is in a known layer", () => {
    for (const f of all) expect(Object.keys(RANK), relative(SRC, f)).toContain(layerOf(f));
  });

  it("no import runs from a lower layer to a higher one", () => {
    const wrong: string[] = [];
    for (const f of all) {
      for (const { spec } of importsOf(f)) {
        if (!spec.startsWith(".")) continue;
        const target = resolve(dirname(f), spec);
        if (RANK[layerOf(target)]! > RANK[layerOf(f)]!) wrong.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the engine loads no I/O, process, terminal library or zod", () => {
    const wrong: string[] = [];
    for (const f of all.filter((x) => layerOf(x) === "engine")) {
      for (const { spec, typeOnly } of importsOf(f))
        if (!typeOnly && /^(node:|chalk|commander|@inquirer|cli-table3|zod)/.test(spec))
          wrong.push(`${relative(SRC, f)} → ${spec}`);
      if (/\bprocess\.|console\./.test(readFileSync(f, "utf8")))
        wrong.push(`${relative(SRC, f)} uses process or console`);
    }
    expect(wrong).toEqual([]);
  });

  it("no two files share a name", () => {
    const seen = new Map<string, string>();
    const twins: string[] = [];
    for (const f of all) {
      const name = f.split("/").pop()!;
      if (seen.has(name)) twins.push(`${seen.get(name)} and ${relative(SRC, f)}`);
      else seen.set(name, relative(SRC, f));
    }
    expect(twins).toEqual([]);
  });
});
