/**
 * Packages cost start-up time: the prompt libraries load only when `ask` is about to prompt, zod
 * only to validate an overlay. Runs the built program with every require() it makes recorded
 * (test/support/record-requires.cjs); the overlay case shows the recording sees the program's
 * requires, so the absences elsewhere mean something. That ask does load the prompts to prompt is
 * shown by test/e2e/ask-pty.test.ts, which answers them in a terminal.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

const HOOK = fileURLToPath(new URL("../support/record-requires.cjs", import.meta.url));
const DATA = fileURLToPath(new URL("../../data", import.meta.url));

function required(args: string[]): { status: number | null; packages: string[] } {
  const r = spawnSync(process.execPath, ["--require", HOOK, BIN, ...args], {
    input: "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 20_000,
  });
  const line = /\nREQUIRED (.*)\n$/.exec(r.stderr);
  if (!line) throw new Error(`no record of requires: ${r.stderr}`);
  return {
    status: r.status,
    packages: (JSON.parse(line[1]!) as string[]).filter((p) => !p.startsWith(".") && !p.startsWith("/")),
  };
}

describe("packages load only when used", () => {
  it("flag-driven commands load no package at all", () => {
    for (const args of [
      ["hubs", "--city", "Geneva", "--json"],
      ["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--json"],
      ["missions", "--country", "CA"],
      ["--help"],
    ]) {
      const r = required(args);
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.packages, args.join(" ")).toEqual([]);
    }
  });

  it("ask refuses without a terminal before loading the prompts", () => {
    const r = required(["ask"]);
    expect(r.status).toBe(2);
    expect(r.packages.filter((p) => p.startsWith("@inquirer/"))).toEqual([]);
  });

  it("an overlay loads zod to validate it, and nothing for the prompts", () => {
    const r = required(["hubs", "--city", "Geneva", "--json", "--data", DATA]);
    expect(r.status).toBe(0);
    expect(r.packages).toContain("zod");
    expect(r.packages.filter((p) => p.startsWith("@inquirer/"))).toEqual([]);
  });
});
