/**
 * Every country in data/generated/countries.json can be named back: its ISO alpha-2 and alpha-3 codes, its
 * English common name and its English demonyms resolve to it, in any case, with any surrounding
 * space, with or without accents.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataDir } from "../../src/store/data-files.js";
import type { Country } from "../../src/model/data-schemas.js";
import { EngineError } from "../../src/engine/engine-error.js";
import { findPlace, resolveCountry } from "../../src/engine/lookup/resolve-names.js";
import { K } from "../support/knowledge.js";

const countries = (
  JSON.parse(readFileSync(`${dataDir()}/generated/countries.json`, "utf8")) as { countries: Country[] }
).countries;

// data/generated/countries.json keeps English and French demonyms together; the package says which is which.
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve("world-countries/countries.json"), "utf8")) as {
  cca2: string;
  demonyms?: { eng?: { m: string; f: string } };
}[];
const english = new Map(pkg.map((c) => [c.cca2, c.demonyms?.eng]));

/**
 * English demonyms that legitimately name another country, or no single one. A demonym a territory
 * shares with a sovereign state goes to the state; one two states share goes to neither, and the
 * user is asked to be precise (a code or a name works for both).
 */
const DEMONYM_EXCEPTIONS: Record<string, { demonym: string; resolvesTo: string | null }> = {
  BQ: { demonym: "Dutch", resolvesTo: "NL" }, // Caribbean Netherlands
  IO: { demonym: "Indian", resolvesTo: "IN" }, // British Indian Ocean Territory
  MP: { demonym: "American", resolvesTo: "US" }, // Northern Mariana Islands
  SJ: { demonym: "Norwegian", resolvesTo: "NO" }, // Svalbard and Jan Mayen
  TF: { demonym: "French", resolvesTo: "FR" }, // French Southern and Antarctic Lands
  CD: { demonym: "Congolese", resolvesTo: null }, // DR Congo and Republic of the Congo
  CG: { demonym: "Congolese", resolvesTo: null },
  DM: { demonym: "Dominican", resolvesTo: null }, // Dominica and the Dominican Republic
  DO: { demonym: "Dominican", resolvesTo: null },
  GG: { demonym: "Channel Islander", resolvesTo: null }, // Guernsey and Jersey
  JE: { demonym: "Channel Islander", resolvesTo: null },
  VG: { demonym: "Virgin Islander", resolvesTo: null }, // British and U.S. Virgin Islands
  VI: { demonym: "Virgin Islander", resolvesTo: null },
};

function resolved(input: string): string | null {
  try {
    return resolveCountry(K, input).code;
  } catch (e) {
    // A name that means several countries is refused with all of them, never resolved to one.
    if (e instanceof EngineError && (e.code === "unknown-country" || e.code === "ambiguous-country")) return null;
    throw e;
  }
}

function namesOf(c: Country): { kind: string; value: string }[] {
  const out = [
    { kind: "alpha-2", value: c.code },
    { kind: "alpha-3", value: c.cca3 },
    { kind: "name", value: c.name },
  ];
  const d = english.get(c.code);
  for (const v of new Set([d?.m, d?.f])) if (v) out.push({ kind: "demonym", value: v });
  return out;
}

describe("every country resolves back to itself", () => {
  it("has the package's English demonyms for the countries we hold", () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(countries.filter((c) => english.get(c.code)).length).toBeGreaterThanOrEqual(245);
  });

  it.each(countries.map((c) => [c.code, c.name, c] as const))("%s (%s)", (_code, _name, c) => {
    for (const { kind, value } of namesOf(c)) {
      const exception = DEMONYM_EXCEPTIONS[c.code];
      const expected = kind === "demonym" && exception?.demonym === value ? exception.resolvesTo : c.code;
      expect(resolved(value), `${kind} ${JSON.stringify(value)}`).toBe(expected);
    }
  });

  it("lists no exception that has stopped being one", () => {
    for (const [code, { demonym }] of Object.entries(DEMONYM_EXCEPTIONS)) {
      expect(namesOf(countries.find((c) => c.code === code)!).map((n) => n.value)).toContain(demonym);
      expect(resolved(demonym), demonym).not.toBe(code);
    }
  });

  it("resolves codes, names and demonyms in any case, with surrounding space", () => {
    const named = countries.flatMap((c) =>
      namesOf(c)
        .filter(({ kind, value }) => !(kind === "demonym" && DEMONYM_EXCEPTIONS[c.code]?.demonym === value))
        .map(({ value }) => [c.code, value] as const),
    );
    const recase = (s: string, mask: boolean[]): string =>
      [...s].map((ch, i) => (mask[i % Math.max(1, mask.length)] ? ch.toUpperCase() : ch.toLowerCase())).join("");
    fc.assert(
      fc.property(
        fc.constantFrom(...named),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("", " ", "  ", "\t", "\n"),
        fc.constantFrom("", " ", "\t"),
        fc.boolean(),
        ([code, value], mask, before, after, stripAccents) => {
          let input = recase(value, mask);
          if (stripAccents) input = input.normalize("NFD").replace(/\p{M}/gu, "");
          expect(resolved(`${before}${input}${after}`), JSON.stringify(input)).toBe(code);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    // SPEC §2's aliases, and countries as people write them in running text.
    ["UK", "GB"],
    ["Britain", "GB"],
    ["USA", "US"],
    ["U.S.", "US"],
    ["America", "US"],
    ["Holland", "NL"],
    ["Ivory Coast", "CI"],
    ["Czech Republic", "CZ"],
    ["Burma", "MM"],
    ["Swaziland", "SZ"],
    ["Turkey", "TR"],
    ["Cote d'Ivoire", "CI"],
    ["the US", "US"],
    ["the USA", "US"],
    ["the United States", "US"],
    ["the UK", "GB"],
    ["The Netherlands", "NL"],
    ["The Gambia", "GM"],
    ["St Kitts and Nevis", "KN"],
    ["St. Lucia", "LC"],
    ["St Vincent and the Grenadines", "VC"],
    ["Trinidad & Tobago", "TT"],
    ["Antigua & Barbuda", "AG"],
    ["Bosnia & Herzegovina", "BA"],
    ["St", "ST"], // São Tomé and Príncipe's code, not a truncated "Saint"
  ])("%s → %s", (input, code) => {
    expect(resolved(input)).toBe(code);
  });

  it("resolves codes and names as places too (--in, --to)", () => {
    for (const c of countries) {
      for (const value of [c.code, c.cca3, c.name]) {
        expect(findPlace(K, value)?.country, JSON.stringify(value)).toBe(c.code);
      }
    }
  });

  it("names what it did not understand, with suggestions, for near misses", () => {
    fc.assert(
      fc.property(fc.constantFrom(...countries.filter((c) => c.name.length >= 6)), fc.nat(), (c, n) => {
        // Drop one letter from the middle: a typo, not another country.
        const i = 1 + (n % (c.name.length - 2));
        const typo = c.name.slice(0, i) + c.name.slice(i + 1);
        const got = resolved(typo);
        if (got !== null) return; // some typos are still unambiguous names (e.g. "Phillippines")
        try {
          resolveCountry(K, typo);
        } catch (e) {
          expect(e).toBeInstanceOf(EngineError);
          expect((e as EngineError).message).toContain(JSON.stringify(typo));
          expect((e as EngineError).suggestions, typo).toContain(c.name);
        }
      }),
      { numRuns: 500 },
    );
  });
});
