/**
 * The README is a front door whose examples run as typed after its install line, and the generated
 * pages (docs/commands.md, docs/rules.md) show what the built program prints today.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const README = readFileSync(new URL("README.md", `file://${root}`), "utf8");

/** The lines of the README's sh blocks that run mission-guide from a clone, with what each must print. */
function examples(): { line: string; expect: string[] }[] {
  const out: { line: string; expect: string[] }[] = [];
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split("\n")) {
      if (raw.startsWith("#=> ") && out.length) out.at(-1)!.expect.push(raw.slice(4));
      // The install line: the test suite runs on an installed, built clone already.
      const line = raw.replace(/^npm install && /, "");
      if (/^(?:printf .*\| )?npx mission-guide /.test(line)) out.push({ line, expect: [] });
    }
  }
  return out;
}

describe("README", () => {
  it("is a front door: at most 200 lines, the two commands first", () => {
    expect(README.split("\n").length).toBeLessThanOrEqual(200);
    const first = /```sh\n([\s\S]*?)```/.exec(README)![1]!.trim().split("\n");
    expect(first).toEqual([expect.stringMatching(/^npm install && npx mission-guide /) as string, "npm test"]);
  });

  it("credits the data it ships", () => {
    for (const word of ["GeoNames", "CC BY 4.0", "world-countries", "ODbL", "Wikidata", "CC0"])
      expect(README).toContain(word);
  });

  it("tells how to install completion in bash, zsh and fish", () => {
    for (const shell of ["bash", "zsh", "fish"]) expect(README).toContain(`mission-guide completion ${shell}`);
  });

  const list = examples();
  it("has examples to run", () => expect(list.length).toBeGreaterThanOrEqual(5));
  it.each(list.map((e) => [e.line, e] as const))("runs as typed: %s", (_line, e) => {
    const r = spawnSync("sh", ["-c", e.line], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", npm_config_offline: "true", npm_config_update_notifier: "false" },
    });
    expect(r.status, r.stderr).toBe(0);
    for (const text of e.expect) expect(r.stdout).toContain(text);
  });
});

describe("generated pages", () => {
  it("docs/commands.md and docs/rules.md are up to date (else: npm run build && npm run docs)", () => {
    const r = spawnSync(process.execPath, [`${root}scripts/build-docs.mjs`, "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
