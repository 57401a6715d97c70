/** `classify --stdin` on worker threads (a long batch): the same bytes and status as in one thread. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PARALLEL_AFTER } from "../../src/cli/commands/batch.js";
import { BIN } from "../support/run.js";

const TEXTS = [
  "lost my passport",
  "I'm a Canadian in Geneva and lost my passport",
  "necesito una visa de turista para Japón, vivo en México",
  "raise a WTO dispute",
  "the airline lost my suitcase",
  "xyzzy plugh",
];

/** A batch long enough to reach the workers, every line distinct, with errors along the way. */
function input(): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < PARALLEL_AFTER + 1500; i++) {
    const text = `${TEXTS[i % TEXTS.length]} ${i}`;
    if (i % 7 === 3) lines.push(JSON.stringify({ text, citizen: "DE", id: `n-${i}` }));
    else if (i % 97 === 5) lines.push("{not json");
    else if (i % 131 === 7) lines.push("");
    else lines.push(text);
    // A line too long to be a need, once in this thread and once on the workers.
    if (i === 10 || i === PARALLEL_AFTER + 300) lines.push(`{"id":"long-${i}","text":"${"a".repeat(70_000)}"}`);
  }
  return `${lines.join("\n")}\n`;
}

function classify(threads: string, stdin: string) {
  const r = spawnSync(process.execPath, [BIN, "classify", "--stdin"], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, MISSION_GUIDE_BATCH_THREADS: threads },
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("classify --stdin with worker threads", () => {
  it("writes the same lines in the same order, with the same status, as one thread", () => {
    const stdin = input();
    const one = classify("0", stdin);
    const two = classify("2", stdin);
    expect(one.stderr).toBe("");
    expect(two.stderr).toBe("");
    const lines = one.stdout.trimEnd().split("\n");
    expect(lines.length).toBe(stdin.trimEnd().split("\n").length);
    expect(lines.map((l) => (JSON.parse(l) as { line: number }).line)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.filter((l) => l.includes('"line-too-long"'))).toHaveLength(2);
    expect(two.stdout).toBe(one.stdout);
    // Some lines malformed: exit 2, whichever thread met them.
    expect(two.status).toBe(2);
    expect(one.status).toBe(2);
  }, 240_000);
});
