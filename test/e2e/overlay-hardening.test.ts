/**
 * Issue 16: an overlay (`--data DIR`) is read only from regular files directly inside DIR, each
 * size-limited before reading; a refused file's content is never quoted; a UTF-8 BOM is accepted;
 * and "valid" means the program will answer (every need reaches a rule).
 */
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, run } from "../support/run.js";

const DATA = new URL("../../data/", import.meta.url);
const root = mkdtempSync(join(tmpdir(), "mg-overlay-"));
const dir = (name: string): string => {
  const d = join(root, name);
  mkdirSync(d);
  return d;
};
const servers: { close(): void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** Runs with a deadline: a hang fails the test instead of stalling it. */
function timed(args: string[], input = "") {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } as NodeJS.ProcessEnv,
    timeout: 10_000,
    killSignal: "SIGKILL",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

describe("overlay files", () => {
  it("refuses a FIFO named needs.json at once, without reading it", () => {
    const d = dir("fifo");
    execFileSync("mkfifo", [join(d, "needs.json")]);
    for (const args of [["needs"], ["data", "--check"], ["classify", "lost my passport"]]) {
      const r = timed([...args, "--data", d]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/named pipe/);
      expect(r.ms).toBeLessThan(5000);
    }
  });

  it("refuses links out of the folder, and never quotes what they point at", () => {
    for (const target of ["/etc/passwd", "/dev/zero", "/dev/urandom", "/dev/stdin"]) {
      const d = dir(`link-${target.replaceAll("/", "-")}`);
      symlinkSync(target, join(d, "needs.json"));
      const r = timed(["needs", "--data", d], "root:x:0:0\n");
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/symbolic link/);
      expect(r.stderr).not.toMatch(/root:/);
      expect(r.ms).toBeLessThan(5000);
    }
  });

  it("refuses a socket", async () => {
    const d = dir("socket");
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(join(d, "rules.json"), resolve));
    const r = timed(["data", "--check", "--data", d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a socket/);
  });

  it("refuses a file over the size limit before reading it", () => {
    const d = dir("big");
    writeFileSync(join(d, "needs.json"), "");
    truncateSync(join(d, "needs.json"), 40 * 1024 * 1024);
    const r = timed(["needs", "--data", d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/larger than 32 MB/);
  });

  it("does not quote a file that is not valid JSON", () => {
    const d = dir("garbage");
    writeFileSync(join(d, "needs.json"), "root:x:0:0:root:/root:/bin/bash\n");
    const r = timed(["needs", "--data", d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toMatch(/root/);
  });

  it("accepts a file that starts with a UTF-8 byte-order mark", () => {
    const d = dir("bom");
    writeFileSync(
      join(d, "needs.json"),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(new URL("needs.json", DATA))]),
    );
    const r = timed(["needs", "--data", d]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("data --check runs the whole-program check", () => {
  const d = dir("no-consular-abroad");
  const rules = JSON.parse(readFileSync(new URL("rules.json", DATA), "utf8")) as { rules: { id: string }[] };
  rules.rules = rules.rules.filter((r) => r.id !== "consular-abroad");
  writeFileSync(join(d, "rules.json"), JSON.stringify(rules));
  const one = dir("one-rule");
  writeFileSync(join(one, "rules.json"), JSON.stringify({ ...rules, rules: rules.rules.slice(0, 1) }));

  it("calls rules.json without consular-abroad invalid (exit 2), naming a need and the facts", () => {
    const r = run(["data", "--check", "--data", d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rules\.json at rules: need "passport-lost" reaches no rule when .*atHome is false/);
    expect(run(["data", "--check", "--data", one]).status).toBe(2);
  });

  it("so classify gives a clean data error, never exit 1 'no rule matched', one-shot and batch", () => {
    for (const overlay of [d, one]) {
      const r = run(["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--data", overlay]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/Invalid data: .*reaches no rule/);
      const b = run(["classify", "--stdin", "--data", overlay], { input: "lost my passport\n" });
      expect(b.status).toBe(2);
      expect(b.stderr).not.toMatch(/internal/);
    }
  });
});
