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
    expect(l.count).toBe(n);
    expect(l.members.length + l.otherMembers.length).toBe(n);
    expect(new Set(l.members).size).toBe(l.members.length);
    for (const m of l.members) expect(K.countries.has(m), `${org}: ${m}`).toBe(true);
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
    expect(a.parties?.length).toBe(a.members.length);
    const date = (c: string) => a.parties!.find((p) => p.code === c)?.entryIntoForce;
    expect(date("CA")).toBe("2024-01-11");
    expect(date("CN")).toBe("2023-11-07");
    expect(a.members).not.toContain("AE");
  });
});
