/** Membership lists: counts as of late 2026, and the facts the issue names. */
import { describe, expect, it } from "vitest";
import { K } from "../support/knowledge.js";

const list = (org: string) => K.memberships.get(org)!;

describe("membership lists", () => {
  it.each([
    ["un", 193],
    ["nato", 32],
    ["eu", 27],
    ["oecd", 38],
    ["osce", 57],
    ["au", 55],
    ["asean", 11],
    ["commonwealth", 56],
    ["coe", 46],
    ["wto", 166],
  ])("%s has %i members", (org, n) => {
    const l = list(org);
    const members = l.members!;
    expect(l.count).toBe(n);
    expect(members.length + l.otherMembers.length).toBe(n);
    expect(new Set(members).size).toBe(members.length);
    for (const m of members) expect(K.countries.has(m), `${org}: ${m}`).toBe(true);
  });

  it("holds the changes of recent years", () => {
    expect(list("nato").members).toEqual(expect.arrayContaining(["FI", "SE"]));
    expect(list("asean").members).toContain("TL");
    expect(list("coe").members).not.toContain("RU");
    expect(list("un").observers.sort()).toEqual(["PS", "VA"]);
    expect(list("un").members).not.toContain("VA");
    expect(list("wto").otherMembers).toEqual(["EU"]);
    expect(list("wto").members).toEqual(expect.arrayContaining(["TW", "HK", "MO"]));
    for (const s of list("au").suspended) expect(list("au").members).toContain(s);
  });

  it("notes the OAS's departures and absences", () => {
    const oas = list("oas");
    expect(oas.members).toContain("CU");
    expect(oas.note).toMatch(/Nicaragua/);
    expect(oas.note).toMatch(/Cuba/);
  });

  it("dates each Apostille party's entry into force", () => {
    const a = list("hcch-apostille");
    expect(a.parties?.length).toBe(a.members!.length);
    const date = (c: string) => a.parties!.find((p) => p.code === c)?.entryIntoForce;
    expect(date("CA")).toBe("2024-01-11");
    expect(date("CN")).toBe("2023-11-07");
    expect(a.members).not.toContain("AE");
  });

  it.each([
    ["who", 193],
    ["unesco", 194],
    ["ilo", 187],
    ["fao", 194],
    ["icao", 193],
    ["imo", 176],
    ["itu", 193],
    ["upu", 192],
    ["wipo", 193],
    ["imf", 191],
    ["world-bank", 189],
    ["iaea", 180],
    ["opcw", 193],
    ["ctbto", 187],
    ["icc", 124],
    ["ecowas", 12],
    ["oif", 52],
    ["uneca", 54],
    ["escap", 53],
    ["eclac", 46],
    ["escwa", 21],
    ["unece", 56],
    ["efta", 4],
    ["unfccc", 198],
    ["paho", 35],
  ])("%s counts %i members, with source and date", (org, n) => {
    const l = list(org);
    expect(l.count).toBe(n);
    expect(l.source.url).toMatch(/^https?:/);
    expect(l.asOf).toMatch(/^2026-/);
  });

  it("keeps lists that are rules over the UN's as data: WHO is the UN's minus LI plus CK and NU, less the US", () => {
    const who = new Set(list("who").members);
    const un = list("un").members!;
    for (const c of un) if (c !== "LI" && c !== "US") expect(who.has(c), c).toBe(true);
    expect(who.has("LI")).toBe(false);
    expect([...who].filter((c) => !un.includes(c)).sort()).toEqual(["CK", "NU"]);
  });

  it("records the dated changes of 2025-2026", () => {
    const change = (org: string, code: string) => list(org).changes.find((c) => c.code === code);
    expect(change("who", "US")).toMatchObject({ standing: "withdrawn", effective: "2026-01-22" });
    expect(change("who", "AR")).toMatchObject({ effective: "2026-03-17", disputed: true });
    expect(change("unesco", "US")).toMatchObject({ standing: "withdrawal-pending", effective: "2026-12-31" });
    expect(change("unesco", "NI")).toMatchObject({ standing: "withdrawal-pending", effective: "2026-12-31" });
    expect(change("icc", "HU")).toMatchObject({ standing: "withdrawn", effective: "2026-06-02" });
    for (const c of ["BF", "ML", "NE"])
      expect(change("ecowas", c)).toMatchObject({ standing: "withdrawn", effective: "2025-01-29" });
    for (const org of ["unfpa", "un-women", "un-habitat", "unctad", "itc", "escap", "eclac", "irena"])
      expect(change(org, "US"), org).toMatchObject({ standing: "not-participating", effective: "2026-01-07" });
  });

  it("lists HCCH Members, with the date each accepted the Statute, and says the list is short of the count", () => {
    const h = list("hcch");
    expect(h.count).toBe(91);
    expect(h.membersIncomplete).toBe(true);
    expect(h.members!.length + h.otherMembers.length).toBe(89);
    expect(h.otherMembers).toEqual(["EU"]);
    expect(h.members).toEqual(expect.arrayContaining(["NL", "CN", "VN", "US"]));
    expect(h.members).not.toContain("AE");
    expect(h.unconfirmedMembers).toEqual(["RW", "ZM"]);
    const since = (c: string) => h.parties?.find((p) => p.code === c)?.entryIntoForce;
    expect(since("CN")).toBe("1987-07-03");
    expect(since("SV")).toBe("2022-03-02");
    expect(since("VN")).toBe("2013-04-10");
    for (const p of h.parties!) expect(h.members, p.code).toContain(p.code);
  });

  it("lists the 53 Member States of the WHO European Region", () => {
    const e = list("who-europe");
    expect(e.count).toBe(53);
    expect(e.members).toHaveLength(53);
    expect(e.members).toEqual(expect.arrayContaining(["KZ", "IL", "UZ", "GB"]));
    expect(e.members).not.toContain("LI");
    expect(e.members).not.toContain("VA");
  });

  it("records Russia's departure from UN Tourism and the EU's membership of IRENA", () => {
    const ru = list("un-tourism").changes.find((c) => c.code === "RU");
    expect(ru).toMatchObject({ standing: "withdrawn", effective: "2023-04-27", effectiveApproximate: true });
    expect(list("un-tourism").count).toBe(160);
    expect(list("irena").otherMembers).toEqual(["EU"]);
  });

  it("shows associate members, non-state members and territories as such", () => {
    expect(list("fao").otherMembers).toEqual(["EU"]);
    expect(list("fao").associateMembers).toEqual(expect.arrayContaining(["FO", "TK"]));
    expect(list("who").associateMembers).toEqual(expect.arrayContaining(["PR", "TK"]));
    expect(list("upu").memberGroups?.length).toBe(2);
    expect(list("eclac").members).toEqual(expect.arrayContaining(["FR", "US", "GB", "NL", "ES"]));
  });

  it("records Apostille objections, withdrawn ones as withdrawn, and applies only those in force", () => {
    const objections = list("hcch-apostille").objections!;
    expect(objections.find((o) => o.party === "DE" && o.against === "PH")?.withdrawn).toBeUndefined();
    expect(objections.find((o) => o.party === "AT" && o.against === "PH")?.withdrawn).toBe("2023-06-01");
    expect(K.apostille.objections.has("DE>PH")).toBe(true);
    expect(K.apostille.objections.has("AT>PH")).toBe(false);
    expect(K.apostille.objections.has("IN>CN")).toBe(true);
  });
});

describe("membership lists, part B (INTERPOL, WCO, EBRD, ADB, AfDB, PCA, ISA, ITLOS)", () => {
  it.each([
    // org, count, listed, two that must be in, one that must not
    ["interpol", 196, 196, ["PS", "PW"], "KP"],
    ["wco", 187, 185, ["HK", "BM"], "CK"],
    ["ebrd", 79, 79, ["KE", "IQ"], "GH"],
    ["adb", 69, 69, ["TW", "IL"], "IR"],
    ["afdb", 81, 81, ["IE", "SS"], "AE"],
    ["pca", 126, 122, ["XK", "MN"], "VA"],
    ["isa", 170, 170, ["RW", "PS"], "US"],
    ["itlos", 170, 170, ["AZ", "NU"], "TR"],
  ] as const)("%s counts %i (%i listed), with source and date", (org, n, listedN, ins, out) => {
    const l = list(org);
    expect(l.count).toBe(n);
    expect(l.members!.length + l.otherMembers.length).toBe(listedN);
    expect(Boolean(l.membersIncomplete)).toBe(listedN < n);
    expect(new Set(l.members).size).toBe(l.members!.length);
    for (const c of ins) expect(l.members, `${org} ${c}`).toContain(c);
    expect(l.members).not.toContain(out);
    expect(l.source.url).toMatch(/^https?:/);
    expect(l.asOf).toBe("2026-12-03");
  });

  it("shows the EU and the EIB as non-state members, and ITLOS as the list of UNCLOS parties", () => {
    expect(list("ebrd").otherMembers).toEqual(["EU", "EIB"]);
    expect(list("isa").otherMembers).toEqual(["EU"]);
    expect(list("itlos").members).toEqual(list("isa").members);
    expect(list("itlos").note).toMatch(/no membership of its own/);
    expect(list("afdb").members).toEqual(expect.arrayContaining(list("au").members!.filter((c) => c !== "EH")));
    expect(list("afdb").members).not.toContain("EH");
    expect(list("interpol").members).toEqual(expect.arrayContaining(["AW", "CW", "SX", "VA"]));
  });
});

describe("membership lists, part C (IOM, IRENA, UN Tourism, IFAD: partial lists from official pages)", () => {
  it.each([
    // org, count, listed, two that must be in, one that must not be listed
    ["iom", null, 172, ["CN", "KN"], "NI"],
    ["irena", null, 72, ["IN", "KZ"], "BR"],
    ["un-tourism", 160, 152, ["ES", "BG"], "LV"],
    ["ifad", 180, 170, ["UA", "VE"], "LI"],
  ] as const)("%s counts %s, lists %i confirmed Members and says the list is short", (org, n, listedN, ins, out) => {
    const l = list(org);
    expect(l.count).toBe(n);
    expect(l.members).toHaveLength(listedN);
    expect(l.membersIncomplete).toBe(true);
    expect(new Set(l.members).size).toBe(listedN);
    for (const c of ins) expect(l.members, `${org} ${c}`).toContain(c);
    expect(l.members).not.toContain(out);
    expect(l.source.url).toMatch(/^https?:/);
    expect(l.asOf).toBe("2026-12-03");
  });

  it("cites the depositary for IFAD and UNIDO and keeps UNIDO count-only", () => {
    expect(list("ifad").source.url).toMatch(/treaties\.un\.org.*X-8/);
    expect(list("unido").source.url).toMatch(/treaties\.un\.org.*X-9/);
    expect(list("unido").members).toBeNull();
    expect(list("unido").count).toBe(173);
  });

  it("keeps the US at IRENA as a listed Member that no longer participates", () => {
    expect(list("irena").members).toContain("US");
    expect(list("irena").changes.find((c) => c.code === "US")?.standing).toBe("not-participating");
  });
});
