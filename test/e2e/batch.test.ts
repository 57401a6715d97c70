/** `classify --stdin`: NDJSON in order, one answer per line, errors per line, exit statuses. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLine } from "../../src/cli/commands/batch.js";
import { batchOver } from "../support/batch.js";
import { run } from "../support/run.js";

const lines = (s: string) =>
  s
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("classify --stdin (built binary)", () => {
  it("answers every line in order, echoing line numbers and ids", () => {
    const input = [
      "lost my passport",
      JSON.stringify({ text: "raise a WTO dispute", citizen: "CA", id: "a-1" }),
      JSON.stringify({ text: "visa de turista", to: "JP", in: "MX", id: 42 }),
      "I'm a Canadian in Geneva and lost my passport",
    ].join("\n");
    const r = run(["classify", "--stdin"], { input });
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4]);
    expect(out.map((o) => o.id)).toEqual([null, "a-1", 42, null]);
    expect((out[1]!.answer as { office: string }).office).toBe("permanent_mission");
    expect((out[2]!.answer as { of: string }).of).toBe("JP");
    expect((out[3]!.answer as { city: string }).city).toBe("Bern");
  });

  it("uses flags as defaults for every line", () => {
    const r = run(["classify", "--stdin", "--citizen", "US", "--in", "New York"], { input: "renew my passport\n" });
    expect((lines(r.stdout)[0]!.answer as { office: string }).office).toBe("domestic_authority");
  });

  it("goes on after bad lines, and exits 2 when some were malformed", () => {
    const input = [
      "{not json",
      "",
      "lost my passport",
      '{"text": 5}',
      '{"__proto__": {"x": 1}, "text": "hi"}',
      "a\u0000b",
    ].join("\n");
    const r = run(["classify", "--stdin"], { input });
    expect(r.status).toBe(2);
    const out = lines(r.stdout);
    expect(out).toHaveLength(6);
    expect(out.map((o) => (o.error as { code: string } | undefined)?.code ?? "ok")).toEqual([
      "bad-json",
      "empty-input",
      "ok",
      "bad-field",
      "bad-field",
      "binary-input",
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("exits 3 when some needs were not recognised", () => {
    const r = run(["classify", "--stdin"], { input: "lost my passport\npurple elephants dance\n" });
    expect(r.status).toBe(3);
    expect(lines(r.stdout)).toHaveLength(2);
  });

  it("answers a 1 MB line with an error of its own, and the next line normally", () => {
    const r = run(["classify", "--stdin"], { input: `${"x".repeat(1_000_000)}\nlost my passport\n` });
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect((out[0]!.error as { code: string }).code).toBe("line-too-long");
    expect(out[1]!.answer).toBeTruthy();
    expect(r.status).toBe(2);
  });

  it("accepts CRLF line ends and a last line without one", () => {
    const r = run(["classify", "--stdin"], { input: "lost my passport\r\nraise a WTO dispute" });
    expect(lines(r.stdout)).toHaveLength(2);
    expect(r.stdout).not.toContain("\\r");
  });

  it("refuses words together with --stdin", () => {
    const r = run(["classify", "lost", "--stdin"], { input: "x\n" });
    expect(r.status).toBe(2);
  });
});

describe("runBatch", () => {
  async function batch(input: string[], chunkSize = 7): Promise<{ out: string[]; status: number }> {
    const text = input.map((l) => `${l}\n`).join("");
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
    const { out, status } = await batchOver(chunks);
    return { out, status };
  }

  it("writes exactly one line per input line, whatever the input and however it is split", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, " ")),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 1, max: 50 }),
        async (input, chunk) => {
          const { out } = await batch(input, chunk);
          expect(out).toHaveLength(input.length);
          out.forEach((l, i) => expect((JSON.parse(l) as { line: number }).line).toBe(i + 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("parses JSON lines strictly", () => {
    expect(parseLine('{"text":"x","citizen":"CA"}', {})).toMatchObject({ text: "x", opts: { citizen: "CA" } });
    expect(parseLine('{"text":"x","nationality":"CA"}', {})).toMatchObject({ error: { code: "bad-field" } });
    expect(parseLine("[1,2]", {})).toMatchObject({ text: "[1,2]" });
  });
});
