import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { EngineError } from "../../src/engine/engine-error.js";
import { K } from "../support/knowledge.js";

describe("classify — the issue's examples", () => {
  it("a Canadian in Geneva who lost a passport: the embassy in Bern, not the mission", () => {
    const a = classify(K, "I'm a Canadian in Geneva and lost my passport");
    expect(a.need?.id).toBe("passport-lost");
    expect(a.answer).toMatchObject({ office: "embassy_or_consulate", of: "CA", in: "CH", city: "Bern" });
    expect(a.answer?.title).toBe("Embassy of Canada in Switzerland");
    expect(a.notThis[0]).toMatchObject({ office: "permanent_mission" });
    expect(a.notThis[0]?.title).toContain("Permanent Mission of Canada");
    expect(a.notThis[0]?.title).toContain("Geneva");
    expect(a.rule).toBe("consular-abroad");
    expect(a.input).toMatchObject({ citizen: "CA", in: { country: "CH", city: "Geneva" } });
  });

  it("an American in New York renewing a passport: the passport authority, not the UN mission", () => {
    const a = classify(K, "renew my passport", { citizen: "US", in: "New York" });
    expect(a.answer).toMatchObject({ office: "domestic_authority", of: "US" });
    expect(a.answer?.title).toMatch(/passport authority/i);
    expect(a.notThis[0]?.title).toBe("United States Mission to the United Nations");
  });

  it("a WTO dispute for Canada: the permanent mission in Geneva", () => {
    const a = classify(K, "raise a WTO dispute", { citizen: "CA" });
    expect(a.answer).toMatchObject({ office: "permanent_mission", of: "CA", city: "Geneva", org: "wto" });
    expect(a.answer?.title).toBe("Permanent Mission of Canada to the World Trade Organization");
  });

  it("flags override what the text says", () => {
    const a = classify(K, "I'm a Canadian in Geneva and lost my passport", { citizen: "FR" });
    expect(a.answer?.of).toBe("FR");
  });

  it("reads a nationality that qualifies the need as the person's own", () => {
    const a = classify(K, "How do I vote in the Australian election from Berlin?");
    expect(a.answer).toMatchObject({ office: "embassy_or_consulate", of: "AU", in: "DE" });
  });

  it("reads some Dutch too", () => {
    expect(classify(K, "Ik ben mijn paspoort kwijt in Madrid, ik ben Nederlander").answer).toMatchObject({
      office: "embassy_or_consulate",
      of: "NL",
      in: "ES",
    });
    expect(classify(K, "Ik heb een visum nodig voor India, ik woon in Amsterdam").answer).toMatchObject({
      of: "IN",
      in: "NL",
    });
  });

  it("uses the embassy seat where it is not the capital", () => {
    // With a citizenship, the office directory names the real embassy; without, the seat rule.
    const a = classify(K, "lost my passport", { citizen: "FR", in: "NL" });
    expect(a.answer?.city).toBe("The Hague");
    const b = classify(K, "lost my passport", { in: "NL" });
    expect(b.answer?.city).toBe("The Hague");
    expect(b.reasons.join(" ")).toMatch(/The Hague/);
  });
});

describe("classify — answer shape", () => {
  it("says what is missing when citizenship is unknown", () => {
    const a = classify(K, "lost my passport in Paris");
    expect(a.answer).toMatchObject({ office: "embassy_or_consulate", of: null, in: "FR" });
    expect(a.missing).toContain("citizen");
    expect(a.answer?.title).toMatch(/^Your country's/);
  });

  it("answers null with alternatives when no need is recognised", () => {
    const a = classify(K, "purple elephants dance quietly");
    expect(a.need).toBeNull();
    expect(a.answer).toBeNull();
  });

  it("every answer carries dated sources", () => {
    const a = classify(K, "visa for Japan", { in: "MX" });
    expect(a.sources.length).toBeGreaterThan(0);
    for (const s of a.sources) expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("throws a typed error with suggestions for an unknown flag value", () => {
    expect(() => classify(K, "lost my passport", { in: "Genva" })).toThrow(/Unknown place "Genva"/);
    try {
      classify(K, "lost my passport", { citizen: "Swizerland" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).suggestions).toContain("Switzerland");
    }
  });
});

/** The office kind, the state and the country of the answer to a text. */
function answered(text: string): [string | undefined, string | null | undefined, string | null | undefined] {
  const a = classify(K, text).answer;
  return [a?.office, a?.of, a?.in];
}

describe("classify — someone else's emergency, told from home", () => {
  it("takes the place where it happened, not where the family writes from", () => {
    expect(answered("my son was arrested in Bali last night, we are Australians from Perth")).toEqual([
      "embassy_or_consulate",
      "AU",
      "ID",
    ]);
  });

  it("keeps one's own matter at home where one is", () => {
    const [office, of] = answered("I'm Australian, I live in Perth and my passport expired; we fly to Bali soon");
    expect([office, of]).toEqual(["domestic_authority", "AU"]);
  });
});

describe("classify — a document's own state and its destination", () => {
  const office = (t: string): (string | null | undefined)[] => answered(t).slice(0, 2);

  it("an apostille comes from the state the document is from, however it is said", () => {
    expect(office("apostille for my UK degree")).toEqual(["domestic_authority", "GB"]);
    expect(office("mi acta de nacimiento es de Guadalajara y en Italia la piden con el sello de La Haya")).toEqual([
      "domestic_authority",
      "MX",
    ]);
  });

  it("legalisation ends at the consulate of the state it is going to", () => {
    expect(office("make my Colombian degree valid in Kuwait")).toEqual(["embassy_or_consulate", "KW"]);
    expect(office("Heiratsurkunde aus Berlin soll in Kuwait anerkannt werden")).toEqual(["embassy_or_consulate", "KW"]);
  });

  it("does not take a place in another clause for the document's state", () => {
    expect(office("Je pars travailler à Abou Dhabi ; mon diplôme doit être légalisé pour les Émirats")).toEqual([
      "embassy_or_consulate",
      "AE",
    ]);
  });
});

describe("classify — whose nationality", () => {
  it("another person's nationality does not make the speaker's", () => {
    expect(
      answered("Sono di Palermo, vivo a Tokyo e sposo una ragazza giapponese; il matrimonio deve valere in Italia")[1],
    ).toBe("IT");
  });

  it("but names the state when it is that person's emergency", () => {
    expect(answered("Mijn Belgische vriend is op het vliegveld van Dubai opgepakt").slice(0, 2)).toEqual([
      "embassy_or_consulate",
      "BE",
    ]);
  });

  it("where one comes from is not where one is", () => {
    const [office, , country] = answered(
      "Belgen uit Gent, op vakantie in Tel Aviv, alle vluchten geschrapt door de raketaanvallen",
    );
    expect([office, country]).toEqual(["embassy_or_consulate", "IL"]);
  });
});
