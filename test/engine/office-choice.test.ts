import { describe, expect, it } from "vitest";
import { compileDirectory, expandOffice } from "../../src/engine/lookup/office-directory.js";
import {
  chooseOffice,
  pairKey,
  whoServes,
  type Arrangements,
  type DirectoryOffice,
} from "../../src/engine/lookup/office-choice.js";

/** A small directory: one office each, positions where they matter (the defaults as the cache's). */
function office(
  p: Partial<DirectoryOffice> & Pick<DirectoryOffice, "id" | "operator" | "host" | "city" | "type">,
): DirectoryOffice {
  return { ...expandOffice(`${p.operator}>${p.host}`, { i: p.id, t: p.type }, "2022-11-16"), ...p };
}
const SOURCE = { source: { title: "t", url: "https://example.org/" }, asOf: "2026-12-03" };
const IMPORTED: DirectoryOffice[] = [
  office({ id: "Q1", operator: "AU", host: "CH", city: "Bern", type: "embassy" }),
  office({ id: "Q2", operator: "FR", host: "CH", city: "Bern", type: "embassy", lat: 46.95, lon: 7.45 }),
  office({ id: "Q3", operator: "FR", host: "CH", city: "Geneva", type: "consulate-general", lat: 46.2, lon: 6.15 }),
  office({ id: "Q4", operator: "FR", host: "CH", city: "Zurich", type: "consulate-general", lat: 47.37, lon: 8.54 }),
  office({ id: "Q5", operator: "CA", host: "IR", city: "Tehran", type: "embassy" }),
  office({ id: "Q6", operator: "US", host: "IL", city: "Tel Aviv", type: "embassy" }),
  office({ id: "Q7", operator: "CH", host: "RU", city: "Moscow", type: "embassy" }),
  office({ id: "Q8", operator: "DE", host: "NZ", city: "Wellington", type: "embassy", covers: ["TV", "WS"] }),
  office({ id: "Q9", operator: "UA", host: "RU", city: "Moscow", type: "embassy" }),
  office({ id: "Q10", operator: "NO", host: "MX", city: "Cancún", type: "honorary-consulate" }),
  office({ id: "Q11", operator: "DE", host: "TW", city: "Taipei", type: "trade-office" }),
];
const DIR = compileDirectory(IMPORTED, {
  closures: [
    { operator: "CA", host: "IR", city: "Tehran", type: "embassy", status: "closed", since: "2012", ...SOURCE },
  ],
  serviceExceptions: [
    {
      operator: "AU",
      host: "CH",
      city: "Bern",
      type: "embassy",
      notOffered: ["passports", "consular"],
      servedBy: { operator: "AU", host: "CH", city: "Geneva", type: "consulate-general" },
      ...SOURCE,
    },
  ],
  seats: [{ operator: "US", host: "IL", city: "Jerusalem", ...SOURCE }],
  additions: [],
});
const ARR: Arrangements = {
  protecting: new Map([
    [
      "CA>IR",
      { protected: "CA", in: "IR", protectingPower: "IT", office: "Embassy of Italy in Tehran", city: "Tehran" },
    ],
  ]),
  noRelations: new Map([[pairKey("UA", "RU"), { a: "UA", b: "RU", since: "2022-02-24", note: null }]]),
  closures: new Map(),
  sharing: [
    {
      id: "ch-li",
      name: "Switzerland for Liechtenstein",
      served: ["LI"],
      by: ["CH"],
      where: null,
      alsoWhere: [],
      caveat: null,
    },
  ],
  eu: new Set(["FR", "DE"]),
};

describe("chooseOffice", () => {
  it("takes the office in the person's city before the embassy", () => {
    const c = chooseOffice(DIR, { of: "FR", host: "CH", city: "Geneva", service: "passports" });
    expect(c.kind === "resident" && [c.office.city, c.why]).toEqual(["Geneva", "in-city"]);
  });
  it("takes the embassy where the person's city has no office and its position is unknown", () => {
    const c = chooseOffice(DIR, { of: "FR", host: "CH", city: "Lugano", service: "passports" });
    expect(c.kind === "resident" && [c.office.city, c.why]).toEqual(["Bern", "seat"]);
  });
  it("takes the nearest office from a city whose position is known", () => {
    const c = chooseOffice(DIR, {
      of: "FR",
      host: "CH",
      city: "Lausanne",
      at: { lat: 46.52, lon: 6.63 },
      service: "passports",
    });
    expect(c.kind === "resident" && [c.office.city, c.why]).toEqual(["Geneva", "nearest"]);
  });
  it("does not send people to an office that does not offer the service", () => {
    const c = chooseOffice(DIR, { of: "AU", host: "CH", city: "Bern", service: "passports" });
    expect(c.kind === "resident" && c.office.city).toBe("Geneva");
    const bilateral = chooseOffice(DIR, { of: "AU", host: "CH", city: null, service: "bilateral" });
    expect(bilateral.kind === "resident" && bilateral.office.city).toBe("Bern");
  });
  it("moves an embassy to its recorded seat", () => {
    const c = chooseOffice(DIR, { of: "US", host: "IL", city: "Tel Aviv", service: "passports" });
    expect(c.kind === "resident" && c.office.city).toBe("Jerusalem");
  });
  it("says not on record, with the honorary consul, where no office serves", () => {
    const c = chooseOffice(DIR, { of: "NO", host: "MX", city: null, service: "passports" });
    expect(c.kind).toBe("not-on-record");
    expect(c.kind === "not-on-record" && c.honorary?.city).toBe("Cancún");
  });
  it("counts representative offices as consular only in and for Taiwan", () => {
    const c = chooseOffice(DIR, { of: "DE", host: "TW", city: "Taipei", service: "passports" });
    expect(c.kind === "resident" && c.office.id).toBe("Q11");
  });
});

describe("whoServes", () => {
  it("drops a closed embassy and names the protecting power", () => {
    const s = whoServes(DIR, ARR, { of: "CA", host: "IR", city: "Tehran", service: "passports" });
    expect(s.kind === "protecting-power" && s.record.protectingPower).toBe("IT");
  });
  it("never names an embassy between states without relations", () => {
    const s = whoServes(DIR, ARR, { of: "UA", host: "RU", city: "Moscow", service: "passports" });
    expect(s.kind === "none" && s.reason).toBe("no-relations");
  });
  it("uses a sharing arrangement where the state has no office", () => {
    const s = whoServes(DIR, ARR, { of: "LI", host: "RU", city: "Moscow", service: "passports" });
    expect(s.kind === "shared" && [s.by, s.choice.office.city]).toEqual(["CH", "Moscow"]);
  });
  it("names the office accredited from a neighbouring country", () => {
    const s = whoServes(DIR, ARR, { of: "DE", host: "TV", city: null, service: "visas" });
    expect(s.kind === "accredited" && s.office.city).toBe("Wellington");
  });
  it("says not on record, never invents, where nothing is known", () => {
    const s = whoServes(DIR, ARR, { of: "FR", host: "TV", city: null, service: "passports" });
    expect(s.kind === "none" && s.reason).toBe("not-on-record");
  });
});

describe("compileDirectory with the countries' embassy seats", () => {
  const seats = [{ country: "FM", city: "Kolonia", capital: "Palikir" }];
  const imported = [
    office({ id: "Q20", operator: "JP", host: "FM", city: "Palikir", type: "embassy" }),
    office({ id: "Q21", operator: "US", host: "FM", city: "Palikir", type: "embassy" }),
    office({ id: "Q22", operator: "JP", host: "FM", city: "Palikir", type: "consulate" }),
  ];
  const noCorrections = { closures: [], serviceExceptions: [], seats: [], additions: [] };
  it("places an embassy recorded in the official capital at the country's seat of embassies", () => {
    const d = compileDirectory(imported, noCorrections, seats);
    expect(d.byPair.get("JP>FM")?.map((o) => [o.type, o.city])).toEqual([
      ["embassy", "Kolonia"],
      ["consulate", "Palikir"],
    ]);
  });
  it("keeps a state's own recorded seat over the country's", () => {
    const d = compileDirectory(
      imported,
      { ...noCorrections, seats: [{ operator: "US", host: "FM", city: "Palikir", ...SOURCE }] },
      seats,
    );
    expect(d.byPair.get("US>FM")?.map((o) => o.city)).toEqual(["Palikir"]);
  });
});

describe("an office abroad named as serving instead", () => {
  const imported = [
    office({ id: "Q30", operator: "AU", host: "NL", city: "The Hague", type: "embassy" }),
    office({ id: "Q31", operator: "AU", host: "DE", city: "Berlin", type: "embassy" }),
  ];
  const d = compileDirectory(imported, {
    closures: [],
    serviceExceptions: [
      {
        operator: "AU",
        host: "NL",
        city: "The Hague",
        type: "embassy",
        notOffered: ["visas"],
        servedBy: { operator: "AU", host: "DE", city: "Berlin", type: "embassy" },
        ...SOURCE,
      },
    ],
    seats: [],
    additions: [],
  });
  const none: Arrangements = { ...ARR, protecting: new Map(), sharing: [] };
  it("serves the country for that service, and names the local office that does not", () => {
    const s = whoServes(d, none, { of: "AU", host: "NL", city: "The Hague", service: "visas" });
    expect(s.kind === "accredited" && [s.office.city, s.notServing.map((o) => o.city)]).toEqual([
      "Berlin",
      ["The Hague"],
    ]);
  });
  it("leaves the local office for what it does offer", () => {
    const s = whoServes(d, none, { of: "AU", host: "NL", city: "The Hague", service: "passports" });
    expect(s.kind === "own" && s.choice.office.city).toBe("The Hague");
  });
});

describe("distances to offices recorded without a position", () => {
  it("use the city's position", () => {
    const d = compileDirectory(
      [
        office({ id: "Q40", operator: "FR", host: "CH", city: "Geneva", type: "consulate-general" }),
        office({ id: "Q41", operator: "FR", host: "CH", city: "Zurich", type: "consulate-general" }),
      ],
      { closures: [], serviceExceptions: [], seats: [], additions: [] },
    );
    const points: Record<string, [number, number]> = { Geneva: [46.2, 6.15], Zurich: [47.37, 8.55] };
    const withPoints = { ...d, pointOf: (_h: string, c: string) => points[c] };
    const bern = { lat: 46.95, lon: 7.45 };
    const q = { of: "FR", host: "CH", city: "Bern", service: "passports" as const, at: bern };
    expect((chooseOffice(withPoints, q) as { office: DirectoryOffice }).office.city).toBe("Zurich");
    expect((chooseOffice(d, q) as { office: DirectoryOffice }).office.city).toBe("Geneva");
  });
});
