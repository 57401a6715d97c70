/**
 * Issue 16: a batch survives any single line. Every per-line failure is a per-line error with the
 * line number and the caller's id when it can be read; ids are echoed as written; answered lines
 * are never lost; the answer cache is bounded by bytes. A seeded fuzz of hostile lines (nesting,
 * NULs, invalid UTF-8, broken JSON) checks one output line per input line.
 *
 * Seeded: BATCH_FUZZ_SEED=<seed> npx vitest run test/e2e/batch-hardening.test.ts
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchStatus, runBatch } from "../../src/cli/commands/batch.js";
import { rawIdOf } from "../../src/cli/commands/batch-id.js";
import { batchOver } from "../support/batch.js";
import { K } from "../support/knowledge.js";
import { run } from "../support/run.js";

const SEED = Number(process.env.BATCH_FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.BATCH_FUZZ_RUNS ?? 40);

const nested = (levels: number, inner = "1"): string => "[".repeat(levels) + inner + "]".repeat(levels);
const good = JSON.stringify({ text: "lost my passport", citizen: "CA", in: "Geneva", id: "g" });
const parse = (stdout: string): Record<string, unknown>[] =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const code = (o: Record<string, unknown>): string => (o.error as { code: string } | undefined)?.code ?? "ok";

async function batch(input: Buffer | string, chunkSize = 4096, explain = false) {
  const bytes = typeof input === "string" ? Buffer.from(input) : input;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return batchOver(chunks, { explain });
}

describe("one line cannot sink a batch (built binary)", () => {
  it("a 4,500-level id is that line's error; the lines around it are answered", () => {
    const deep = `{"text":"lost my passport","id":${nested(4500)}}`;
    const r = run(["classify", "--stdin"], { input: [good, good, good, deep, good].join("\n") });
    const out = parse(r.stdout);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5]);
    expect(out.map(code)).toEqual(["ok", "ok", "ok", "bad-field", "ok"]);
    expect(out[3]!.id).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("");
  });

  it("echoes a number id exactly as written, beyond 2^53", () => {
    const r = run(["classify", "--stdin"], {
      input: '{"text":"lost my passport","id":12345678901234567890}\n{"text":"x","id":-1.50e+3,"zz":1}\n',
    });
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\{"line":1,"id":12345678901234567890,/);
    expect(lines[1]).toMatch(/^\{"line":2,"id":-1.50e\+3,"error"/);
  });

  it("reports the id of a too-long line, and of a line that is not valid JSON", () => {
    const long = JSON.stringify({ id: "long-1", text: "x".repeat(70_000) });
    const longAfter = JSON.stringify({ text: "x".repeat(200_000), id: 77 });
    const r = run(["classify", "--stdin"], {
      input: [long, longAfter, '{"id":"broken","text":"lost', good].join("\n"),
    });
    const out = parse(r.stdout);
    expect(out.map(code)).toEqual(["line-too-long", "line-too-long", "bad-json", "ok"]);
    expect(out.map((o) => o.id)).toEqual(["long-1", 77, "broken", "g"]);
  });

  it("--explain with --stdin gives each answer its rule trace", () => {
    const r = run(["classify", "--stdin", "--explain"], { input: `${good}\n` });
    const [line] = parse(r.stdout);
    expect(Array.isArray(line!.trace)).toBe(true);
    expect((line!.trace as unknown[]).length).toBeGreaterThan(0);
    const plain = parse(run(["classify", "--stdin"], { input: `${good}\n` }).stdout);
    expect(plain[0]!.trace).toBeUndefined();
  });
});

describe("runBatch", () => {
  it("turns an internal failure on a line into that line's error, and ends with status 1", async () => {
    const k = { ...K, rules: [] } as typeof K; // no rule can match: classify throws a plain Error
    const written: Buffer[] = [];
    const stats = await runBatch(
      k,
      (async function* () {
        yield `${good}\nthe airline lost my suitcase\n`;
      })(),
      (b, done) => (written.push(Buffer.from(b)), done(), true),
      async () => undefined,
    );
    const out = parse(Buffer.concat(written).toString());
    expect(out.map((o) => o.line)).toEqual([1, 2]);
    expect(out[0]!.id).toBe("g");
    expect(batchStatus(stats)).toBe(1);
  });

  it("never gives a line another line's answer", async () => {
    const { out } = await batch(
      [
        JSON.stringify({ text: "lost my passport", in: "Canada\u0000", id: "A" }),
        JSON.stringify({ text: "lost my passport", in: "Canada", id: "B" }),
        JSON.stringify({ text: "lost my passport", citizen: "Canada", id: "C" }),
      ].join("\n"),
    );
    expect(out.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["A", "B", "C"]);
  });

  it("reads ids from raw text", () => {
    expect(rawIdOf('{"id":12345678901234567890}')).toBe("12345678901234567890");
    expect(rawIdOf('{"a":{"id":1},"id":"x"}')).toBe('"x"');
    expect(rawIdOf('{"\\u0069d":[1, {"b":2}]}')).toBe('[1,{"b":2}]');
    expect(rawIdOf(`{"id":${nested(40)}}`)).toBeNull();
    expect(rawIdOf('{"id":"cut')).toBeNull();
    expect(rawIdOf("plain text")).toBeNull();
  });
});

/** Hostile lines: JSON with odd values, nesting, NULs, broken JSON, invalid UTF-8, long lines. */
const hostileLine: fc.Arbitrary<Buffer> = fc
  .oneof(
    fc.string({ maxLength: 30 }).map((s) => Buffer.from(s)),
    fc.string({ unit: "binary", maxLength: 30 }).map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
    fc
      .record(
        {
          text: fc.oneof(
            fc.constantFrom("lost my passport", "raise a WTO dispute", "", " "),
            fc.string(),
            fc.jsonValue(),
          ),
          id: fc.oneof(
            fc.string(),
            fc.integer(),
            fc.bigInt().map((b) => ({ raw: b.toString() })),
            fc.jsonValue(),
          ),
          citizen: fc.oneof(fc.constantFrom("CA", "Canada\u0000", "__proto__", "toString"), fc.string()),
        },
        { requiredKeys: [] },
      )
      .map((r) => {
        const id = r.id as unknown;
        const raw = typeof id === "object" && id !== null && "raw" in id ? (id as { raw: string }).raw : undefined;
        const json = JSON.stringify({ ...r, id: raw === undefined ? id : 0 });
        return Buffer.from(raw === undefined ? json : json.replace(/"id":0/, `"id":${raw}`));
      }),
    fc.integer({ min: 1, max: 6000 }).map((n) => Buffer.from(`{"text":"lost my passport","id":${nested(n)}}`)),
    fc.integer({ min: 1, max: 6000 }).map((n) => Buffer.from(`{"text":${nested(n, '"x"')},"id":"n"}`)),
    fc.constantFrom(
      Buffer.from('{"text":"lost\\u0000 my passport","id":"nul"}'),
      Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      Buffer.from("lost my passport\u0000"),
      Buffer.from('{"__proto__":{"text":"x"},"text":"lost my passport"}'),
      Buffer.from(`{"id":"big","text":"${"x".repeat(70_000)}"}`),
    ),
  )
  .map((b) => Buffer.from(b.toString("latin1").replace(/[\r\n]/g, " "), "latin1"));

describe(`batch fuzz (seed ${SEED}, ${RUNS} batches)`, () => {
  it("writes exactly one JSON line per input line, numbered in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileLine, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 5000 }),
        async (lines, chunk) => {
          const input = Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")]));
          const { out, status } = await batch(input, chunk);
          expect(out).toHaveLength(lines.length);
          out.forEach((l, i) => expect((JSON.parse(l) as { line: number }).line).toBe(i + 1));
          expect([0, 2, 3]).toContain(status);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
