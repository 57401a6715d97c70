/** Issue 11's examples on the real data: real offices, in the person's city, or none on record. */
import { describe, expect, it } from "vitest";
import { json, run } from "../support/run.js";

interface Doc {
  answer: {
    title: string;
    city: string | null;
    operator?: string;
    officeType?: string;
    resident?: boolean;
    protectingPower?: string;
    contact?: { website?: string };
  };
  reasons: string[];
  caveats: string[];
}
const ask = (...args: string[]) => json<Doc>(run(["classify", ...args, "--json"]));

describe("classify names real offices", () => {
  it("Australians in Geneva: the Consulate-General there, not the embassy in Bern", () => {
    const a = ask("lost my passport", "--citizen", "AU", "--in", "Geneva").answer;
    expect([a.operator, a.officeType, a.city]).toEqual(["AU", "consulate-general", "Geneva"]);
    expect(a.contact?.website).toMatch(/geneva\.mission\.gov\.au/);
  });
  it("a closed embassy gives way to the protecting power", () => {
    expect(ask("lost my passport", "--citizen", "CA", "--in", "Tehran").answer.protectingPower).toBe("IT");
    expect(ask("lost my passport", "--citizen", "US", "--in", "Kabul").answer.protectingPower).toBe("QA");
  });
  it("no invented embassy between states without relations", () => {
    const a = ask("lost my passport", "--citizen", "UA", "--in", "Moscow").answer;
    expect(a.title).toMatch(/no diplomatic relations/);
    expect(a.city).toBeNull();
    expect(a.resident).toBe(false);
  });
  it("Liechtensteiners are served by Switzerland; Hong Kong residents by China", () => {
    expect(ask("lost my passport", "--citizen", "LI", "--in", "Moscow").answer.operator).toBe("CH");
    const hk = ask("I'm from Hong Kong and lost my passport in Paris");
    expect([hk.answer.operator, hk.answer.city]).toEqual(["CN", "Paris"]);
  });
  it("in Taiwan, the German Institute Taipei", () => {
    expect(ask("lost my passport", "--citizen", "DE", "--in", "Taipei").answer.title).toMatch(
      /German Institute Taipei/,
    );
  });
  it("an embassy's real seat: the US embassy is in Jerusalem", () => {
    expect(ask("renew my passport", "--citizen", "US", "--in", "Jerusalem").answer.city).toBe("Jerusalem");
  });
  it("the consulate in the person's own city", () => {
    expect(ask("I'm Mexican in Los Angeles and want a matricula consular").answer.city).toBe("Los Angeles");
    expect(ask("je suis française à Genève et je veux voter").answer.city).toBe("Geneva");
    expect(ask("renew my passport", "--citizen", "IN", "--in", "Toronto").answer.city).toBe("Toronto");
    expect(ask("renew my passport", "--citizen", "IN", "--in", "Dubai").answer.city).toBe("Dubai");
  });
  it("a visa from Tuvalu: the German embassy accredited from Wellington, not one in Funafuti", () => {
    const a = ask("I live in Tuvalu, where do I get a visa for Germany?").answer;
    expect([a.operator, a.city, a.resident]).toEqual(["DE", "Wellington", false]);
  });
  it("says 'not on record', never invents, where the directory holds nothing", () => {
    const a = ask("lost my passport", "--citizen", "MN", "--in", "Tuvalu").answer;
    expect(a.title).toMatch(/on record/);
    expect(a.city).toBeNull();
  });
});

describe("consular sharing where official pages list the post", () => {
  it("Canadians in Vanuatu and New Caledonia: Australia's offices", () => {
    for (const [city, type] of [
      ["Port Vila", "high-commission"],
      ["Noumea", "consulate-general"],
    ]) {
      const d = ask("lost my passport", "--citizen", "CA", "--in", city!);
      expect([d.answer.operator, d.answer.officeType]).toEqual(["AU", type]);
    }
  });
});

describe("an office that does not offer the service gives way to the one that does", () => {
  it("US citizens in Hamburg: Berlin; French in Bern: Zurich; Australian visas from the Netherlands: Berlin", () => {
    const us = ask("lost my passport", "--citizen", "US", "--in", "Hamburg").answer;
    expect([us.operator, us.city]).toEqual(["US", "Berlin"]);
    const fr = ask("renew my passport", "--citizen", "FR", "--in", "Bern").answer;
    expect([fr.operator, fr.city]).toEqual(["FR", "Zurich"]);
    const visa = ask("visa for Australia", "--citizen", "NL", "--in", "The Hague").answer;
    expect([visa.operator, visa.city]).toEqual(["AU", "Berlin"]);
  });
});

describe("offices", () => {
  it("lists a state's offices in a country, with contact details", () => {
    const d = json<{ offices: { city: string; type: string }[] }>(
      run(["offices", "--of", "AU", "--in", "Switzerland", "--json"]),
    );
    expect(d.offices.map((o) => o.city)).toContain("Geneva");
  });
  it("lists the offices in a city", () => {
    const d = json<{ offices: { operator: string }[] }>(run(["offices", "--in", "Geneva", "--json"]));
    expect(new Set(d.offices.map((o) => o.operator)).size).toBeGreaterThan(3);
  });
  it("needs --of or --in, and knows its types", () => {
    expect(run(["offices"]).status).toBe(2);
    const r = run(["offices", "--of", "FR", "--type", "castle"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/consulate-general/);
  });
  it("says not on record with exit 3", () => {
    const r = run(["offices", "--of", "FR", "--in", "Vaduz"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/on record/);
  });
});

describe("data shows the directory's provenance", () => {
  it("rows, snapshot date, licence and rows left out", () => {
    const d = json<{
      directory: { offices: number; sourceRows: number; unmapped: number; snapshotDate: string; licence: string };
    }>(run(["data", "--json"])).directory;
    expect(d.offices + d.unmapped).toBe(d.sourceRows);
    expect(d.snapshotDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.licence).toMatch(/CC0/);
    const human = run(["data"]).stdout;
    expect(human).toContain(`snapshot of ${d.snapshotDate}`);
    expect(human).toMatch(/licence CC0/);
  });
});
