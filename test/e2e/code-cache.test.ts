/**
 * bin/mission-guide.cjs runs dist/cli.cjs with V8's code cache (dist/cli.cjs.cache) made at build
 * time: the shipped cache must be one V8 takes for this build, and a cache made for another build,
 * or cut short, must be passed over with the program still answering.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

const ROOT = join(dirname(BIN), "..");
const CLI = join(ROOT, "dist", "cli.cjs");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the program in a folder of its own, with the cache given (data and indexes linked). */
function installWith(cache: Buffer, source = readFileSync(CLI, "utf8")): string {
  const root = mkdtempSync(join(tmpdir(), "mg-code-cache-"));
  dirs.push(root);
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist"));
  copyFileSync(BIN, join(root, "bin", "mission-guide.cjs"));
  writeFileSync(join(root, "dist", "cli.cjs"), source);
  cpSync(join(ROOT, "dist", "cache"), join(root, "dist", "cache"), { recursive: true });
  symlinkSync(join(ROOT, "data"), join(root, "data"));
  writeFileSync(join(root, "dist", "cli.cjs.cache"), cache);
  return join(root, "bin", "mission-guide.cjs");
}

function hubs(bin: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [bin, "hubs", "--city", "Geneva", "--json"], {
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("V8 code cache", () => {
  it("the shipped cache is for this build, and V8 takes it", () => {
    const source = readFileSync(CLI, "utf8");
    const header = source.slice(0, source.indexOf("\n") + 1);
    expect(header).toMatch(/^\/\/mission-guide build [0-9a-f]{32}\n$/);
    const cache = readFileSync(`${CLI}.cache`);
    expect(cache.toString("latin1", 0, header.length)).toBe(header);
    const eol = cache.indexOf(10, header.length);
    expect(Number(cache.toString("latin1", header.length, eol))).toBe(cache.length - eol - 1);
    // In a plain node, as the bin runs (V8 takes a cache only under the flags it was made with).
    const check = spawnSync(
      process.execPath,
      [
        "-e",
        `const fs=require("fs"),vm=require("vm"),M=require("module");const s=fs.readFileSync(process.argv[1],"utf8");` +
          `const b=fs.readFileSync(process.argv[1]+".cache");const c=b.subarray(b.indexOf(10,${header.length})+1);` +
          `const x=new vm.Script(M.wrap(s),{filename:process.argv[1],cachedData:c});console.log(x.cachedDataRejected)`,
        CLI,
      ],
      { encoding: "utf8" },
    );
    expect(check.stdout.trim()).toBe("false");
  });

  it("a cache for another build is passed over, even one V8 would take", () => {
    // Another build of the same length: V8 checks only the length, and would run the old code.
    const source = readFileSync(CLI, "utf8")
      .replace(/^\/\/mission-guide build [0-9a-f]{32}/, `//mission-guide build ${"0".repeat(32)}`)
      .replaceAll("Good to know", "Good to KNOW");
    const bin = installWith(readFileSync(`${CLI}.cache`), source);
    const r = spawnSync(process.execPath, [bin, "classify", "lost my passport", "--citizen", "CA", "--in", "Geneva"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 20_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Good to KNOW");
  });

  it("a cache cut short is passed over, and the program answers", () => {
    const cache = readFileSync(`${CLI}.cache`);
    const r = hubs(installWith(cache.subarray(0, cache.length - 4096)));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("World Trade Organization");
  });
});
