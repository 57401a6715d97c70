/** Issue 16: table layout stays fast and bounded whatever the text (a 5,000-character label took minutes). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_CELL_LINES, table, widths, wrapCell } from "../../src/cli/renderers/table.js";
import { BIN, run } from "../support/run.js";

describe("long cells", () => {
  it("a 5,000-character label is cut with an ellipsis, in well under a second", async () => {
    await table(["a"], [["b"]], [10]); // loads cli-table3
    for (const label of ["word ".repeat(1000), "x".repeat(5000), "mot ".repeat(20_000)]) {
      const t0 = performance.now();
      const text = await table(["Need", "What"], [["passport-lost", label]], widths(88, [28, 19]));
      expect(performance.now() - t0).toBeLessThan(1000); // about 0.1 s of CPU; the margin is for a loaded machine
      expect(text).toContain("…");
      expect(text.split("\n").length).toBeLessThanOrEqual(MAX_CELL_LINES + 5);
    }
  });

  it("wraps in time linear in the text's length", () => {
    const t0 = performance.now();
    wrapCell("y".repeat(2_000_000), 20);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("needs with a 5,000-character label from an overlay (built binary)", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-long-label-"));
  const needs = JSON.parse(readFileSync(new URL("../../data/needs.json", import.meta.url), "utf8")) as {
    needs: { label: string }[];
  };
  needs.needs[0]!.label = "word ".repeat(1000);
  writeFileSync(join(dir, "needs.json"), JSON.stringify(needs));

  it("finishes in a few seconds at most (it took over 120 s)", () => {
    const t0 = performance.now();
    const r = run(["needs", "--data", dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("…");
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("ends on SIGTERM and SIGINT while busy", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const p = spawn(process.execPath, [BIN, "needs", "--data", dir], {
        env: { ...process.env, NO_COLOR: "1" },
      });
      // Once it has started its work (the overlay is being validated).
      await new Promise((resolve) => setTimeout(resolve, 700));
      const t0 = performance.now();
      p.kill(signal);
      const guard = setTimeout(() => p.kill("SIGKILL"), 20_000);
      const [code, sig] = await new Promise<[number | null, string | null]>((resolve) =>
        p.on("close", (c, s) => resolve([c, s])),
      );
      clearTimeout(guard);
      // Ended by the signal itself (before the handlers are set up), by them (130, 143), or by
      // finishing whole within their grace second (0) — always within a second or two of it.
      expect(sig === signal || [0, 130, 143].includes(code!), `${code} ${sig}`).toBe(true);
      expect(performance.now() - t0).toBeLessThan(2500);
    }
  });
});
