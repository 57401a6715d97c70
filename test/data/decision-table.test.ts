/**
 * The decision table: one row per path through the rules, each commented with the branch it
 * exercises. The last test checks that every rule and every office kind is reached.
 */
import { describe, expect, it } from "vitest";
import { classify, type ClassifyOptions } from "../../src/engine/answer/classify-need.js";
import { OFFICE_KINDS } from "../../src/model/data-schemas.js";
import { K } from "../support/knowledge.js";
import { ruleCoverage } from "../../src/engine/decide/rule-coverage.js";
import { bundledData } from "../../src/store/data-files.js";

type Row = [text: string, flags: ClassifyOptions, office: string, of: string | null, rule: string];

const TABLE: Row[] = [
  // none: a private matter
  ["the airline lost my suitcase", {}, "none", null, "no-office-needed"],
  ["hotel refuses to refund my deposit", { in: "Madrid" }, "none", null, "no-office-needed"],
  // the organization's own services
  ["I want a job at the United Nations", {}, "international_organization", null, "organization-service"],
  ["register as a refugee with UNHCR", {}, "international_organization", null, "organization-service"],
  // refugees: UNHCR where it registers, the state where a source says the state does
  [
    "register as a refugee with UNHCR",
    { in: "Amman" },
    "international_organization",
    null,
    "refugee-registration-unhcr-there",
  ],
  [
    "register as a refugee",
    { citizen: "UA", in: "Warsaw" },
    "domestic_authority",
    "PL",
    "refugee-registration-state-registers",
  ],
  // multilateral: the mission at the seat
  ["raise a WTO dispute", { citizen: "CA" }, "permanent_mission", "CA", "multilateral-mission"],
  ["Security Council vote on sanctions", { citizen: "FR" }, "permanent_mission", "FR", "multilateral-mission"],
  ["IAEA safeguards", { citizen: "BR" }, "permanent_mission", "BR", "multilateral-mission"],
  // apostille between two parties: the issuing state's authority
  [
    "apostille for my birth certificate",
    { citizen: "DE", to: "FR" },
    "domestic_authority",
    "DE",
    "apostille-issuing-state",
  ],
  // apostille where the destination is no party: legalisation ending at its embassy
  [
    "apostille for my birth certificate",
    { citizen: "DE", to: "AE" },
    "embassy_or_consulate",
    "AE",
    "apostille-not-applicable",
  ],
  // legalisation asked between two parties: an apostille replaces it
  ["legalise my diploma", { citizen: "DE", to: "FR" }, "domestic_authority", "DE", "apostille-replaces-legalisation"],
  // asylum: where the person is
  ["I want to claim asylum", { in: "Berlin" }, "domestic_authority", "DE", "asylum-where-you-are"],
  // ...unless UNHCR registers asylum seekers there, the state having no procedure of its own
  ["I want to claim asylum", { in: "Kuala Lumpur" }, "international_organization", null, "asylum-unhcr-registers"],
  // extension: already in the country
  ["extend my tourist visa", { in: "Bangkok" }, "domestic_authority", "TH", "visa-extension-in-country"],
  // a driving licence: the licensing authority where one lives, whoever issued it
  [
    "renew my driving licence",
    { citizen: "IT", in: "London" },
    "domestic_authority",
    "GB",
    "driving-licence-where-you-live",
  ],
  // domestic matters of one's own state
  ["how do I become a diplomat", { citizen: "ES" }, "domestic_authority", "ES", "domestic-matter"],
  // a visa for a country of one's own citizenship: none needed (any of several citizenships)
  ["tourist visa", { citizen: "US", in: "US", to: "US" }, "none", null, "visa-own-country"],
  ["tourist visa", { citizens: ["CA", "US"], in: "Mexico", to: "US" }, "none", null, "visa-own-country"],
  // visa while already in the destination
  ["I need a work visa", { to: "DE", in: "Munich" }, "domestic_authority", "DE", "visa-already-there"],
  // visa from abroad: destination's embassy where the applicant lives
  ["tourist visa", { to: "JP", in: "MX" }, "embassy_or_consulate", "JP", "visa-from-abroad"],
  ["legalise my diploma", { citizen: "IN", to: "AE", in: "IN" }, "embassy_or_consulate", "AE", "visa-from-abroad"],
  // consular at home
  ["renew my passport", { citizen: "US", in: "New York" }, "domestic_authority", "US", "consular-at-home"],
  // consular abroad
  ["lost my passport", { citizen: "CA", in: "Geneva" }, "embassy_or_consulate", "CA", "consular-abroad"],
  ["I was arrested", { citizen: "AU", in: "Bali" }, "embassy_or_consulate", "AU", "consular-abroad"],
  // bilateral: the embassy
  ["help exporting our products", { citizen: "NZ", to: "CN" }, "embassy", "NZ", "bilateral-embassy"],
];

describe("decision table", () => {
  it.each(TABLE)("%s %j → %s of %s by %s", (text, flags, office, of, rule) => {
    const a = classify(K, text, flags);
    expect(a.rule).toBe(rule);
    expect(a.answer?.office).toBe(office);
    expect(a.answer?.of ?? null).toBe(of);
  });

  it("reaches every rule and every office kind", () => {
    const rules = new Set(TABLE.map((r) => r[4]));
    for (const r of K.rules) expect(rules, `rule ${r.id} not exercised`).toContain(r.id);
    const offices = new Set(TABLE.map((r) => r[2]));
    for (const o of OFFICE_KINDS) expect(offices, `office ${o} not reached`).toContain(o);
  });

  // The whole-program check `data --check` runs on an overlay (src/engine/decide/rule-coverage.ts).
  it("takes every need to a rule for every combination of the facts the rules read", () => {
    const d = bundledData();
    expect(ruleCoverage(d.rules.rules, d.needs.needs)).toEqual({ uncovered: [], tooComplex: false });
    const cut = ruleCoverage(
      d.rules.rules.filter((r) => r.id !== "consular-abroad"),
      d.needs.needs,
    );
    expect(cut.uncovered.map((u) => u.need)).toContain("passport-lost");
    expect(cut.uncovered.find((u) => u.need === "passport-lost")?.facts).toMatchObject({ atHome: false });
  });
});
