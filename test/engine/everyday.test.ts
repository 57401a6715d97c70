/**
 * Issue 15, everyday use: dual nationals, places with a qualifier, ambiguous countries, and the
 * small self-contradictions a newcomer met. Each case is an example from the issue.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { EngineError } from "../../src/engine/engine-error.js";
import { resolveCountry, resolvePlace } from "../../src/engine/lookup/resolve-names.js";
import { ClassifyDoc } from "../../src/model/output-schemas.js";
import { K } from "../support/knowledge.js";

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error("expected an EngineError");
}

describe("several citizenships", () => {
  it("reads a dual national from the text and answers for each passport", () => {
    const a = classify(K, "I'm a dual Irish-British citizen in Spain and lost my passport");
    expect(a.input.citizen).toBe("IE");
    expect(a.input.citizens).toEqual(["IE", "GB"]);
    expect(a.citizenships?.map((c) => [c.citizen, c.office, c.of, c.in])).toEqual([
      ["IE", "embassy_or_consulate", "IE", "ES"],
      ["GB", "embassy_or_consulate", "GB", "ES"],
    ]);
    expect(ClassifyDoc.safeParse({ ...a, trace: undefined }).success).toBe(true);
  });

  it("reads 'both X and Y passports' and 'US and Canadian citizenship'", () => {
    expect(classify(K, "I have both Irish and British passports, lost one in Madrid").input.citizens?.sort()).toEqual([
      "GB",
      "IE",
    ]);
    expect(
      classify(
        K,
        "I have both US and Canadian citizenship and I'm in Toronto, lost my passport",
      ).input.citizens?.sort(),
    ).toEqual(["CA", "US"]);
    expect(classify(K, "soy binacional chilena y española, perdí mi pasaporte en Lima").input.citizens).toEqual([
      "CL",
      "ES",
    ]);
  });

  it("does not make two people's nationalities one person's", () => {
    expect(
      classify(K, "I'm Canadian, my wife is Italian, we lost our passports in Rome").input.citizens,
    ).toBeUndefined();
  });

  it("keeps every --citizen given, in order", () => {
    const a = classify(K, "lost my passport", { citizens: ["CA", "US"], in: "France" });
    expect(a.input.citizen).toBe("CA");
    expect(a.input.citizens).toEqual(["CA", "US"]);
    expect(a.citizenships?.map((c) => c.title)).toEqual([
      expect.stringContaining("Canada"),
      expect.stringContaining("United States"),
    ]);
  });

  it("in a state of one's other nationality: home authority for that passport, a sourced caveat for the other", () => {
    const a = classify(K, "lost my passport", { citizens: ["IE", "GB"], in: "London" });
    expect(a.citizenships?.map((c) => c.office)).toEqual(["embassy_or_consulate", "domestic_authority"]);
    const caveat = a.caveats.find((c) => c.startsWith("You are also a citizen of the United Kingdom"));
    expect(caveat).toBeDefined();
    expect(a.sources.some((s) => s.url.includes("oireachtas.ie") && s.asOf)).toBe(true);
    const b = classify(K, "lost my passport", { citizens: ["GB", "US"], in: "New York" });
    expect(b.sources.some((s) => s.url === "https://www.gov.uk/guidance/who-the-fcdo-can-support-abroad")).toBe(true);
  });

  it("falls back to the general rule where a state says nothing of its own", () => {
    const a = classify(K, "lost my passport", { citizens: ["IT", "AR"], in: "Buenos Aires" });
    expect(a.caveats.some((c) => c.includes("Italy's help there is limited"))).toBe(true);
    expect(a.sources.some((s) => s.title.includes("1930"))).toBe(true);
  });
});

describe("places with a qualifier", () => {
  it("reads 'Paris, Texas' as in the United States", () => {
    const p = resolvePlace(K, "Paris, Texas");
    expect(p.country).toBe("US");
    expect(p.city).toBe("Paris");
    const a = classify(K, "lost my passport", { citizen: "FR", in: "Paris, Texas" });
    expect(a.answer?.office).toBe("embassy_or_consulate");
    expect(a.answer?.in).toBe("US");
    expect(a.input.in?.name).toBe("Paris (Texas), United States");
  });

  it("reads 'Georgia, USA' as the US state, not Tbilisi", () => {
    expect(resolvePlace(K, "Georgia, USA")).toMatchObject({ country: "US", city: null, region: "Georgia" });
    expect(resolvePlace(K, "Georgia").country).toBe("GE");
  });

  it("reads 'Córdoba, Argentina' in Argentina, and 'Columbus, GA' in the US", () => {
    expect(resolvePlace(K, "Córdoba, Argentina")).toMatchObject({ country: "AR", city: "Córdoba" });
    expect(resolvePlace(K, "Córdoba, Spain")).toMatchObject({ country: "ES", city: "Córdoba" });
    expect(resolvePlace(K, "Columbus, GA").country).toBe("US");
  });

  it("names a city found by its name alone on the card, and says so", () => {
    const a = classify(K, "lost my passport", { citizen: "FR", in: "Atlantis" });
    expect(a.input.in?.name).toBe("Atlantis, South Africa");
    expect(a.input.in?.understood).toBe("world-city");
    expect(a.caveats.some((c) => c.includes("Atlantis, South Africa") && c.includes("City, Country"))).toBe(true);
  });

  it("refuses an unknown place with suggestions", () => {
    const e = engineError(() => resolvePlace(K, "Atlantiss"));
    expect(e.code).toBe("unknown-place");
  });
});

describe("ambiguous countries", () => {
  it.each(["Congolese", "Congo", "congo", "Korea"])("%s: refused with every candidate", (name) => {
    const e = engineError(() => resolveCountry(K, name, "citizenship"));
    expect(e.code).toBe("ambiguous-country");
    expect(e.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(e.message).toMatch(/\((CG|KR)\)/);
  });

  it("Congolese names both Congos", () => {
    const e = engineError(() => classify(K, "lost my passport", { citizen: "Congolese", in: "France" }));
    expect(e.suggestions).toEqual(["Republic of the Congo", "DR Congo"]);
  });

  it("as a place too", () => {
    expect(engineError(() => resolvePlace(K, "Congo")).code).toBe("ambiguous-country");
  });

  it("still takes each Congo by a precise name or code", () => {
    expect(resolveCountry(K, "DR Congo").code).toBe("CD");
    expect(resolveCountry(K, "Republic of the Congo").code).toBe("CG");
    expect(resolveCountry(K, "CG").code).toBe("CG");
    expect(resolveCountry(K, "South Korea").code).toBe("KR");
  });
});

describe("no self-contradiction", () => {
  it("a citizen needs no visa for their own country", () => {
    const a = classify(K, "visa", { citizen: "US", in: "US", to: "US" });
    expect(a.answer?.office).toBe("none");
    expect(a.rule).toBe("visa-own-country");
    expect(a.answer?.title).not.toMatch(/authority/i);
    expect(a.caveats.join(" ")).not.toMatch(/visa application centre/);
  });

  it("nor for any of several own countries", () => {
    expect(classify(K, "tourist visa", { citizens: ["MX", "US"], in: "Mexico City", to: "US" }).rule).toBe(
      "visa-own-country",
    );
  });

  it("never 'Embassy of France in France' under Not this", () => {
    for (const text of ["France delegation to the OECD", "France's position at UNESCO"]) {
      const a = classify(K, text);
      for (const n of a.notThis) {
        expect(n.title).not.toMatch(/Embassy of France in France/);
        expect(n.title).not.toBe(a.answer?.title);
      }
    }
    const home = classify(K, "work visa", { citizen: "US", in: "US", to: "DE" });
    for (const n of home.notThis) expect(n.title).not.toMatch(/United States in the United States/);
  });

  it("--org NATO for a WTO dispute: a warning, and the WTO", () => {
    const a = classify(K, "raise a WTO dispute", { citizen: "CA", org: "NATO" });
    expect(a.answer?.org).toBe("wto");
    expect(a.answer?.city).toBe("Geneva");
    expect(a.warnings?.[0]).toMatch(/--org NATO does not fit/);
    expect(a.caveats[0]).toBe(a.warnings?.[0]);
  });

  it("--org that fits is still honoured", () => {
    expect(classify(K, "raise a WTO dispute", { citizen: "CA", org: "WTO" }).warnings).toBeUndefined();
    expect(classify(K, "our vote at the UN", { citizen: "CA", org: "UNESCO" }).answer?.org).toBe("unesco");
  });

  it("a visa expiring where one is: that country's immigration authority, not an embassy", () => {
    const a = classify(K, "my visa is expiring, I'm in Berlin");
    expect(a.need?.id).toBe("visa-extension");
    expect(a.answer?.office).toBe("domestic_authority");
    expect(a.answer?.title).toBe("Immigration authority of Germany");
  });
});
