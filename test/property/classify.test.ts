/**
 * `classify` is total: any text and any flags give an Answer or a typed EngineError, never
 * anything else (no TypeError, no RangeError, no hang), and the same input gives the same answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OFFICE_KINDS } from "../../src/model/vocabularies.js";
import { classify, type Answer, type ClassifyOptions } from "../../src/engine/answer/classify-need.js";
import { EngineError } from "../../src/engine/engine-error.js";
import { K } from "../support/knowledge.js";

const ENGINE_CODES = new Set([
  "unknown-country",
  "unknown-place",
  "unknown-city",
  "unknown-org",
  "unknown-office-type",
  "unknown-need",
  "empty-input",
]);

/** Words the engine knows, so that random text also reaches the deep paths, not only "no need". */
const WORDS = [
  "lost",
  "my",
  "passport",
  "visa",
  "Visum",
  "pasaporte",
  "perdu",
  "renew",
  "apostille",
  "WTO",
  "UN",
  "un",
  "NATO",
  "dispute",
  "job",
  "embassy",
  "I'm",
  "a",
  "Canadian",
  "American",
  "in",
  "to",
  "from",
  "at home",
  "Geneva",
  "Genf",
  "New York",
  "CH",
  "usa",
  "Côte d'Ivoire",
  "birth",
  "asylum",
  "Security Council",
  "the",
  "?",
  ",",
];

/** Values a flag may carry: real ones, near misses and rubbish. */
const VALUES = [
  "CA",
  "can",
  "Canada",
  "Canadian",
  "Geneva",
  "Genève",
  "Genva",
  "New York",
  "CH",
  "XX",
  "WTO",
  "un",
  "UNESCO",
  "nato",
  "Holy See",
  "PS",
  "Kosovo",
  "Atlantis",
  " ",
  "",
  ".",
  "__proto__",
  "constructor",
  "toString",
];

const control = fc
  .array(
    fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f),
    { maxLength: 8 },
  )
  .map((cs) => String.fromCharCode(...cs));
const bidi = fc.constantFrom("\u202e", "\u2066", "\u200f", "\u061c", "\ufeff", "\u0301", "\ud800", "\udfff");

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme" }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary" }) },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join(" ")) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), control, bidi, fc.string({ unit: "grapheme", maxLength: 4 })), {
          maxLength: 16,
        }),
        fc.constantFrom(" ", "", "\t", "\n", ", "),
      )
      .map(([ws, sep]) => ws.join(sep)),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 20_000 }) },
);

const flag = fc.option(
  fc.oneof(
    fc.constantFrom(...VALUES),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    control,
  ),
  { nil: undefined },
);
const options: fc.Arbitrary<ClassifyOptions> = fc.record(
  {
    citizen: fc.oneof(flag, fc.constant(null)),
    in: fc.oneof(flag, fc.constant(null)),
    to: fc.oneof(flag, fc.constant(null)),
    org: fc.oneof(flag, fc.constant(null)),
  },
  { requiredKeys: [] },
);

type Outcome = { answer: Answer } | { error: EngineError };

function attempt(t: string, o: ClassifyOptions): Outcome {
  try {
    return { answer: classify(K, t, o) };
  } catch (e) {
    if (e instanceof EngineError) return { error: e };
    throw e;
  }
}

function checkAnswer(a: Answer): void {
  expect(a.schemaVersion).toBe(1);
  expect(a.need === null).toBe(a.answer === null);
  if (a.answer) {
    expect(OFFICE_KINDS).toContain(a.answer.office);
    expect(typeof a.answer.title).toBe("string");
    expect(a.answer.title.length).toBeGreaterThan(0);
    // Every sentence is filled in: no template holes, no "undefined" from a missing fact.
    const prose = [
      a.answer.title,
      a.answer.summary,
      ...a.reasons,
      ...a.caveats,
      ...a.notThis.flatMap((n) => [n.title, n.why]),
    ];
    for (const line of prose) expect(line).not.toMatch(/\{\w+\}|\bundefined\b|\bnull\b|\bNaN\b|\[object /);
    expect(a.rule).toEqual(expect.any(String));
    for (const code of [a.answer.of, a.answer.in]) if (code !== null) expect(code).toMatch(/^[A-Z]{2}$/);
  }
  for (const m of a.missing) expect(["citizen", "in", "to", "org"]).toContain(m);
  for (const n of a.notThis) expect(OFFICE_KINDS).toContain(n.office);
  for (const alt of a.alternatives) expect(alt.confidence).toBeGreaterThanOrEqual(0);
  // The whole document serialises: no cycles, no BigInt, no functions.
  expect(() => JSON.stringify(a)).not.toThrow();
}

function checkError(e: EngineError): void {
  expect(ENGINE_CODES.has(e.code)).toBe(true);
  expect(e.message.length).toBeGreaterThan(0);
  expect(Array.isArray(e.suggestions)).toBe(true);
  for (const s of e.suggestions) expect(typeof s).toBe("string");
}

describe("classify is total", () => {
  it("answers or raises a typed error for any text and any flags", () => {
    fc.assert(
      fc.property(text, options, (t, o) => {
        const r = attempt(t, o);
        if ("answer" in r) checkAnswer(r.answer);
        else checkError(r.error);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(text, options, (t, o) => {
        const a = attempt(t, o);
        const b = attempt(t, o);
        if ("answer" in a && "answer" in b) expect(b.answer).toEqual(a.answer);
        else if ("error" in a && "error" in b)
          expect([b.error.code, b.error.message]).toEqual([a.error.code, a.error.message]);
        else expect.fail("one run answered and the other threw");
      }),
      { numRuns: 100 },
    );
  });

  it("copes with pathological text", () => {
    const cases = [
      "",
      " ",
      "\u0000".repeat(1000),
      "\u202e lost passport",
      "a ".repeat(50_000),
      "passport ".repeat(10_000),
      "Genève ".repeat(5000),
      "x".repeat(200_000),
      "é".repeat(100_000),
      "\ud83c\udff3\ufe0f\u200d\ud83c\udf08".repeat(1000),
      "\ud800 lost \udc00 passport",
      "I'm a Canadian American Swiss French German in Geneva Vienna Paris lost my passport visa apostille WTO",
    ];
    for (const t of cases) {
      const r = attempt(t, {});
      if ("answer" in r) checkAnswer(r.answer);
      else checkError(r.error);
    }
  });
});
