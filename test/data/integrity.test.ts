import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { crossCheck } from "../../src/store/integrity.js";
import { dataDir } from "../../src/store/data-files.js";
import { validateData } from "../../src/store/overlay-validation.js";
import { FILES, REQUIRED_LANGS } from "../../src/model/data-schemas.js";
import { dataFilePath, type FileName } from "../../src/model/vocabularies.js";
import { listNeeds } from "../../src/engine/lookup/reference-lists.js";
import { K } from "../support/knowledge.js";

const validation = validateData();
const data = validation.data!;

describe("bundled data", () => {
  it("has exactly the files the schemas describe, each valid", () => {
    const files = [
      ...readdirSync(dataDir()).filter((f) => f.endsWith(".json")),
      // The need model (generated/need-model.bin) is not a data file: the store reads it apart.
      ...readdirSync(`${dataDir()}/generated`)
        .filter((f) => f.endsWith(".json"))
        .map((f) => `generated/${f}`),
    ].sort();
    expect(files).toEqual(
      Object.keys(FILES)
        .map((n) => dataFilePath(n as FileName))
        .sort(),
    );
    for (const [name, schema] of Object.entries(FILES)) {
      const raw: unknown = JSON.parse(readFileSync(`${dataDir()}/${dataFilePath(name as FileName)}`, "utf8"));
      expect(schema.safeParse(raw).success, name).toBe(true);
    }
  });

  it("is stored exactly as the schemas read it (a normal run reads it without them)", () => {
    for (const [name, schema] of Object.entries(FILES)) {
      const raw: unknown = JSON.parse(readFileSync(`${dataDir()}/${dataFilePath(name as FileName)}`, "utf8"));
      expect(
        schema.parse(raw),
        `data/${dataFilePath(name as FileName)} relies on a schema default; write the field out`,
      ).toEqual(raw);
    }
  });

  it("validates whole, with no broken references", () => {
    expect(validation.problems).toEqual([]);
    expect(crossCheck(data)).toEqual([]);
  });

  it("dates every record", () => {
    const records = [
      ...data.needs.needs,
      ...data.rules.rules,
      ...data.organizations.organizations,
      ...data.cities.cities,
      ...data["office-types"].officeTypes,
      ...data["country-extras"].countries,
      ...data["embassy-seats"].seats,
      ...data.memberships.lists,
    ];
    for (const r of records) {
      expect(r.asOf).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(r.source.url).toMatch(/^https?:\/\//);
    }
  });

  it("has a catalogue of at least 40 needs, each with words in four languages", () => {
    expect(data.needs.needs.length).toBeGreaterThanOrEqual(40);
    for (const n of data.needs.needs) {
      for (const lang of REQUIRED_LANGS) {
        expect((n.phrases[lang]?.length ?? 0) + (n.terms[lang]?.length ?? 0), `${n.id} ${lang}`).toBeGreaterThan(0);
      }
    }
  });

  it("has the organizations and hubs the issue names", () => {
    expect(data.organizations.organizations.length).toBeGreaterThanOrEqual(40);
    const acronyms = new Set(data.organizations.organizations.flatMap((o) => [o.acronym, ...o.aliases]));
    for (const a of ["UN", "UNOG", "UNOV", "UNON", "WTO", "WHO", "ILO", "UNHCR", "OHCHR", "ITU", "WIPO", "WMO", "IOM"])
      expect(acronyms).toContain(a);
    for (const a of ["IAEA", "OSCE", "UNODC", "UNIDO", "CTBTO", "OPEC", "EU", "NATO", "UNESCO", "OECD", "FAO", "WFP"])
      expect(acronyms).toContain(a);
    for (const a of ["IFAD", "UNEP", "UN-Habitat", "OAS", "IMF", "ICAO", "IMO", "UPU", "ICJ", "ICC", "OPCW", "AU"])
      expect(acronyms).toContain(a);
    for (const a of ["UNECA", "ASEAN", "INTERPOL", "ESCAP", "ECLAC", "ESCWA", "UN Tourism", "World Bank"])
      expect(acronyms).toContain(a);
    const hubs = new Set([...K.hubs.keys()].map((id) => K.cities.get(id)?.name));
    for (const c of ["New York", "Geneva", "Vienna", "Brussels", "Paris", "Rome", "Nairobi", "Washington"])
      expect(hubs).toContain(c);
    for (const c of ["The Hague", "Montreal", "London", "Bern", "Addis Ababa", "Jakarta", "Strasbourg", "Lyon"])
      expect(hubs).toContain(c);
    for (const c of ["Madrid", "Bangkok", "Santiago", "Beirut", "Kingston"]) expect(hubs).toContain(c);
  });

  it("names every hub in the local language and in en, fr, es, de", () => {
    for (const id of K.hubs.keys()) {
      const city = K.cities.get(id)!;
      for (const lang of ["local", "en", "fr", "es", "de"]) expect(city.names[lang], `${id} ${lang}`).toBeTruthy();
    }
  });

  it("has the office types of the glossary", () => {
    const ids = new Set(data["office-types"].officeTypes.map((t) => t.id));
    for (const id of [
      "embassy",
      "consulate-general",
      "consulate",
      "honorary-consulate",
      "high-commission",
      "permanent-mission",
      "permanent-representation",
      "delegation",
      "permanent-observer-mission",
      "nunciature",
      "eu-delegation",
      "interests-section",
      "visa-application-centre",
    ])
      expect(ids).toContain(id);
  });

  it("takes countries from the package, with ours on top", () => {
    expect(data.countries.package).toMatch(/^world-countries@/);
    expect(data.countries.countries.length).toBeGreaterThanOrEqual(245);
    expect(K.countryNames.get("holland")).toBe("NL");
    expect(K.countryNames.get("ivory coast")).toBe("CI");
    expect(K.countryNames.get("burma")).toBe("MM");
    expect(K.demonyms.get("swiss")).toBe("CH");
  });

  it("sends every need to some office", () => {
    for (const n of listNeeds(K)) expect(n.rule, n.id).not.toBeNull();
  });
});
