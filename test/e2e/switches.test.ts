/** Issue 16: "--help" after "--", NO_COLOR over FORCE_COLOR, and no build-only switch at run time. */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { colorLevel } from "../../src/cli/output.js";
import { run } from "../support/run.js";

describe("--help after --", () => {
  it("is an operand: with an unknown option before it, a usage error (exit 2), not help", () => {
    for (const args of [
      ["hubs", "--x", "--", "--help"],
      ["hubs", "--x", "--", "-h"],
      ["orgs", "--nope", "--", "--help"],
    ]) {
      const r = run(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/Unknown option/);
    }
    expect(run(["hubs", "--help"]).status).toBe(0);
  });
});

describe("colour", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const tty = { isTTY: true } as NodeJS.WriteStream;

  it("NO_COLOR wins over FORCE_COLOR (chalk alone would let FORCE_COLOR win)", () => {
    process.env.NO_COLOR = "1";
    process.env.FORCE_COLOR = "1";
    expect(colorLevel({}, tty)).toBe(0);
    delete process.env.NO_COLOR;
    expect(colorLevel({}, { isTTY: false } as NodeJS.WriteStream)).toBe(1);
    expect(colorLevel({ color: false }, tty)).toBe(0);
  });

  it("NO_COLOR=1 FORCE_COLOR=1 prints no escape sequence", () => {
    const r = run(["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva"], {
      env: { NO_COLOR: "1", FORCE_COLOR: "1" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("\u001b");
  });
});

describe("build-only switches", () => {
  // The code cache is written by the build (scripts/build-code-cache.mjs sets the switch to "1"); the
  // earlier loader's form, a file path, writes nothing anywhere.
  it("MISSION_GUIDE_WRITE_CODE_CACHE set to a path writes nothing there", () => {
    const dir = mkdtempSync(join(tmpdir(), "mg-code-cache-"));
    for (const target of [join(dir, "cache.bin"), join(dir, "missing", "folder", "cache.bin")]) {
      const r = run(["hubs", "--city", "Geneva"], { env: { MISSION_GUIDE_WRITE_CODE_CACHE: target } });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(existsSync(target)).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
