/** Issue 16: names of Object.prototype as commands, batch lines that differ only by a NUL, odd input. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { openSync } from "node:fs";
import { tmpdir } from "node:os";
import { BIN, run } from "../support/run.js";

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("prototype names", () => {
  it.each(PROTO_NAMES)("%s as the command is a usage error, never an internal one", (name) => {
    const r = run([name]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});

describe("batch cache", () => {
  it("never gives one line another's answer when fields differ only by where a NUL falls", () => {
    const input = [
      JSON.stringify({ text: "lost my passport", in: "Canada\u0000", id: "A" }),
      JSON.stringify({ text: "lost my passport\u0000", citizen: "Canada", id: "B" }),
    ].join("\n");
    const lines = run(["classify", "--stdin"], { input })
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; input?: { citizen: string | null } });
    expect(lines.map((l) => [l.id, l.input?.citizen ?? null])).toEqual([
      ["A", null],
      ["B", "CA"],
    ]);
  });
});

describe("--stdin from a directory", () => {
  it("is a usage error with one line, not a silent exit 0", () => {
    const r = spawnSync(process.execPath, [BIN, "classify", "--stdin"], {
      stdio: [openSync(tmpdir(), "r"), "pipe", "pipe"],
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/directory/);
  });
});
