/** Issue 16: names of Object.prototype as commands, and batch lines that differ only by a NUL. */
import { describe, expect, it } from "vitest";
import { run } from "../support/run.js";

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
