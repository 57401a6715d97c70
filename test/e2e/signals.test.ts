/**
 * Signals and pipes on the built binary: Ctrl-C ends with 130 and "Cancelled.", SIGTERM never
 * leaves half a JSON document, and a reader that goes away (`| head`) ends the program quietly.
 */
import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, DEBUG: undefined } as NodeJS.ProcessEnv;

/** Starts the program, sends `signal` after `delay` ms, and waits for it to end. */
function interrupt(args: string[], signal: NodeJS.Signals, delay: number, input?: string): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    p.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    p.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    p.stdin.on("error", () => undefined);
    if (input !== undefined) p.stdin.write(input); // and keep stdin open: the program waits for more
    const timer = setTimeout(() => p.kill(signal), delay);
    const guard = setTimeout(() => p.kill("SIGKILL"), delay + 15_000);
    p.on("error", reject);
    p.on("close", (status, sig) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ status, signal: sig, stdout, stderr });
    });
  });
}

/** Retries with a longer delay while the signal arrived before the program had started listening. */
async function interruptReady(args: string[], signal: NodeJS.Signals, input?: string): Promise<Ended> {
  let r: Ended | undefined;
  for (const delay of [1000, 2500, 5000]) {
    r = await interrupt(args, signal, delay, input);
    if (r.signal === null) return r;
  }
  return r!;
}

const hasStdin = spawnSync(process.execPath, [BIN, "classify", "--help"], { env, encoding: "utf8" }).stdout.includes(
  "--stdin",
);

describe("signals", () => {
  it.skipIf(!hasStdin)("Ctrl-C while waiting for input: exit 130, one line, JSON under --json", async () => {
    const r = await interruptReady(["classify", "--stdin", "--json"], "SIGINT");
    expect(r.status).toBe(130);
    expect(r.stderr).toBe("mission-guide: Cancelled.\n");
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1, error: { code: "cancelled" } });
  });

  it.skipIf(!hasStdin)(
    "SIGTERM during a batch ends with whole lines only",
    async () => {
      const r = await interruptReady(["classify", "--stdin"], "SIGTERM", "lost my passport\nvisa for Japan\n");
      expect([143, 0]).toContain(r.status);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout === "" || r.stdout.endsWith("\n")).toBe(true);
      for (const line of r.stdout.split("\n").filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    },
    30_000,
  );

  it("SIGTERM at any moment leaves stdout empty or one whole JSON document", async () => {
    const words = Array(4).fill("lost my passport in Geneva ".repeat(2000));
    const runs = await Promise.all(
      [50, 150, 300, 600].map((delay) => interrupt(["classify", ...words, "--json"], "SIGTERM", delay)),
    );
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/^\s+at /m);
      if (r.stdout !== "") expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1 });
    }
  }, 30_000);
});

describe("pipes", () => {
  const shell = (cmd: string): { status: number | null; stderr: string } => {
    const r = spawnSync("bash", ["-o", "pipefail", "-c", cmd], { encoding: "utf8", env });
    return { status: r.status, stderr: r.stderr };
  };

  it.each([["needs"], ["orgs --json"], ["hubs"], ["classify lost my passport --citizen CA --in Geneva --explain"]])(
    "%s | head -1 ends quietly with status 0",
    (args) => {
      const r = shell(`"${process.execPath}" "${BIN}" ${args} | head -1 > /dev/null`);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    },
  );

  it("a megabyte of JSON into head -c 10 ends quietly", () => {
    // The shell builds the megabyte (51,000 words), as one argument of bash -c may hold only 128 KiB.
    const words = "$(printf 'lost my passport %.0s' {1..17000})";
    const r = shell(`"${process.execPath}" "${BIN}" classify ${words} --json | head -c 10 > /dev/null`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("an error with stderr closed early still exits 2", () => {
    const r = shell(`"${process.execPath}" "${BIN}" nosuch 2>&1 >/dev/null | head -c 0`);
    expect(r.status).toBe(2);
  });

  it("a full disk is one line and exit 1, not a stack trace", () => {
    const r = shell(`"${process.execPath}" "${BIN}" needs --json > /dev/full`);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write the output \(ENOSPC\)/);
  });
});
