/** The README shows what the program prints: its decision graph is the one `rules` draws. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../support/run.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("embeds the current decision graph (else run: node scripts/readme-rules.mjs)", () => {
    const block = /<!-- rules-diagram:start[^>]*-->\s*```mermaid\n([\s\S]*?)```\s*<!-- rules-diagram:end -->/.exec(
      README,
    );
    expect(block, "README.md lacks the rules-diagram block").not.toBeNull();
    expect(block![1], "README's diagram is out of date: node scripts/readme-rules.mjs").toBe(
      run(["rules", "--format", "mermaid"]).stdout,
    );
  });

  it("tells how to install completion in bash, zsh and fish", () => {
    for (const shell of ["bash", "zsh", "fish"]) expect(README).toContain(`mission-guide completion ${shell}`);
  });
});
