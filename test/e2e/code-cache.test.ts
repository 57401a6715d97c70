/**
 * The code cache (src/cli/code-cache.ts, built by scripts/build-code-cache.mjs): the chunks a
 * one-shot command loads are read from V8's cache, which V8 accepts, and the answer is the same as
 * the program's run without the hook. `npm test` builds first.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

const HOOK = fileURLToPath(new URL("../support/record-code-cache.cjs", import.meta.url));
const CLI = fileURLToPath(new URL("../../dist/cli.cjs", import.meta.url));
const ARGS = ["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--json"];
const env = { ...process.env, NO_COLOR: "1" };

interface Compiled {
  file: string;
  given: boolean;
  rejected: boolean;
}

describe("the code cache", () => {
  it("gives V8 the compiled code of every chunk a one-shot classify loads, and V8 takes it", () => {
    const r = spawnSync(process.execPath, ["--require", HOOK, BIN, ...ARGS], { encoding: "utf8", env });
    expect(r.status, r.stderr).toBe(0);
    const compiled = JSON.parse(/COMPILED (.*)\n$/.exec(r.stderr)![1]!) as Compiled[];
    expect(compiled.length).toBeGreaterThan(5);
    expect(compiled.filter((c) => !c.given || c.rejected)).toEqual([]);
    // The same answer as the program run without the hook (dist/cli.cjs directly).
    const plain = spawnSync(process.execPath, [CLI, ...ARGS], { encoding: "utf8", env });
    expect(r.stdout).toBe(plain.stdout);
  });

  it("is not used for a file that does not carry its content hash in its name", () => {
    const r = spawnSync(process.execPath, ["--require", HOOK, BIN, "--version"], { encoding: "utf8", env });
    expect(r.status, r.stderr).toBe(0);
    const compiled = JSON.parse(/COMPILED (.*)\n$/.exec(r.stderr)![1]!) as Compiled[];
    expect(compiled.map((c) => c.file).filter((f) => !/-[A-Z0-9]{8}\.cjs$/.test(f))).toEqual([]);
  });
});
