/**
 * Issue 16: every name of Object.prototype, in every slot a name goes — command, option name,
 * option value, need id, country, city, organization, office type — is looked up as a name like
 * any other: an answer or a clean error, never a prototype member ("e.values is not iterable").
 */
import { describe, expect, it } from "vitest";
import { fastParse } from "../../src/cli/fast-path.js";
import { classify } from "../../src/engine/answer/classify-need.js";
import { EngineError } from "../../src/engine/engine-error.js";
import {
  canonicalText,
  countryLines,
  factsFor,
  needLines,
  orgIsOpen,
  orgLines,
  placeLines,
  questionFor,
} from "../../src/engine/lookup/prompt-suggestions.js";
import {
  findCity,
  findCountry,
  findOrg,
  findPlace,
  resolveCountry,
  resolveOfficeType,
  resolveOrg,
  resolvePlace,
} from "../../src/engine/lookup/resolve-names.js";
import { K } from "../support/knowledge.js";
import { run } from "../support/run.js";

const NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Runs fn: it may return or throw the engine's own error, nothing else. */
function clean(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(EngineError);
  }
}

describe.each(NAMES)("%s", (name) => {
  it("as the command or an option name is not a known one", () => {
    expect(fastParse([name])).toBeNull();
    expect(fastParse(["classify", "lost", `--${name}`, "x"])).toBeNull();
    expect(fastParse(["hubs", `--${name}=x`])).toBeNull();
  });

  it("as an option value is a value like any other", () => {
    const p = fastParse(["hubs", "--city", name]);
    expect(p?.flags.city).toBe(name);
    expect(Object.getPrototypeOf(p?.flags)).toBe(Object.prototype);
  });

  it("as a country, a city, a place, an organization or an office type", () => {
    expect(findCountry(K, name)).toBeNull();
    expect(findCity(K, name)).toBeNull();
    expect(findPlace(K, name)).toBeNull();
    expect(findOrg(K, name)).toBeNull();
    clean(() => resolveCountry(K, name));
    clean(() => resolvePlace(K, name));
    clean(() => resolveOrg(K, name));
    clean(() => resolveOfficeType(K, name));
    clean(() => countryLines(K, name));
    clean(() => placeLines(K, name));
    clean(() => orgLines(K, name));
  });

  it("as a need id", () => {
    expect(factsFor(K, name)).toEqual([]);
    expect(orgIsOpen(K, name)).toBe(false);
    clean(() => canonicalText(K, name));
    clean(() => questionFor(K, "citizen", name));
    clean(() => needLines(K, name));
  });

  it("as the need's words and every flag of classify", () => {
    clean(() => classify(K, name, {}));
    for (const slot of ["citizen", "in", "to", "org"] as const)
      clean(() => classify(K, "lost my passport", { [slot]: name }));
  });
});

describe("the built binary, every name in every field of a batch line", () => {
  it("answers each line or gives it a clean error", () => {
    const lines = NAMES.flatMap((name) => [
      JSON.stringify({ text: name, id: name }),
      ...["citizen", "in", "to", "org"].map((slot) => JSON.stringify({ text: "lost my passport", [slot]: name })),
    ]);
    const r = run(["classify", "--stdin"], { input: lines.join("\n") });
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { error?: { code: string } });
    expect(out).toHaveLength(lines.length);
    for (const o of out) expect(o.error?.code ?? "ok").not.toBe("internal");
    expect(r.stderr).toBe("");
    expect([0, 2, 3]).toContain(r.status);
  });
});
