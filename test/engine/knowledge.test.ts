/** The knowledge the answers apply: naming conventions, embassy seats, protecting powers, apostilles. */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { bilateralName, missionName } from "../../src/engine/answer/office-titles.js";
import { listMissions } from "../../src/engine/lookup/reference-lists.js";
import { K } from "../support/knowledge.js";

const title = (of: string, org: string) => missionName(K, K.orgs.get(org)!, of);

describe("naming", () => {
  it("styles bilateral offices", () => {
    expect(bilateralName(K, "CA", "CH", "Bern").title).toBe("Embassy of Canada in Switzerland");
    expect(bilateralName(K, "GB", "CA", "Ottawa")).toEqual({
      title: "British High Commission Ottawa",
      kind: "high-commission",
    });
    expect(bilateralName(K, "IN", "AU", "Canberra")).toEqual({
      title: "High Commission of India in Australia",
      kind: "high-commission",
    });
    expect(bilateralName(K, "VA", "FR", "Paris").title).toBe("Apostolic Nunciature in France");
    expect(bilateralName(K, "TW", "DE", "Berlin").title).toBe("Taipei Economic and Cultural Office in Germany");
  });

  it("styles missions to organizations", () => {
    expect(title("FR", "eu")).toMatchObject({
      title: "Permanent Representation of France to the European Union",
      status: "member",
    });
    expect(title("NO", "eu")).toMatchObject({ title: "Mission of Norway to the European Union", status: "non-member" });
    expect(title("VA", "un")).toMatchObject({
      title: "Permanent Observer Mission of the Holy See to the United Nations",
      status: "observer",
    });
    expect(title("CA", "nato").title).toBe("Joint Delegation of Canada to NATO");
    expect(title("IT", "nato").title).toBe("Delegation of Italy to NATO");
    expect(title("DE", "unesco").title).toBe("Permanent Delegation of Germany to UNESCO");
    expect(title("JP", "oecd").title).toBe("Permanent Delegation of Japan to the OECD");
  });

  it("lists a state's missions with its standing", () => {
    const ca = listMissions(K, "CA", undefined, (o, c) => missionName(K, o, c));
    expect(ca.find((m) => m.org === "NATO")).toMatchObject({
      title: "Joint Delegation of Canada to NATO",
      city: "Brussels",
      status: "member",
    });
    expect(ca.find((m) => m.org === "OAS")?.status).toBe("member");
    const br = listMissions(K, "BR", "NATO", (o, c) => missionName(K, o, c));
    expect(br[0]?.status).toBe("non-member");
  });
});

describe("answers", () => {
  it("between Commonwealth members: a High Commission", () => {
    const a = classify(K, "lost my passport", { citizen: "GB", in: "CA" });
    expect(a.answer).toMatchObject({ title: "British High Commission Ottawa", city: "Ottawa", of: "GB", in: "CA" });
  });

  it("embassies where they sit, not always the capital", () => {
    expect(classify(K, "lost my passport", { citizen: "FR", in: "NL" }).answer?.city).toBe("The Hague");
    expect(classify(K, "lost my passport", { citizen: "DE", in: "IL" }).answer?.city).toBe("Tel Aviv");
    expect(classify(K, "lost my passport", { citizen: "US", in: "BO" }).answer?.city).toBe("La Paz");
  });

  it("a protecting power where a state has no embassy", () => {
    const a = classify(K, "lost my passport", { citizen: "US", in: "IR" });
    expect(a.answer?.title).toMatch(/Embassy of Switzerland/);
    expect(a.answer?.protectingPower).toBe("CH");
    expect(a.reasons.join(" ")).toMatch(/protecting power/);
  });

  it("apostille between parties, legalisation otherwise", () => {
    const ap = classify(K, "apostille for my birth certificate", { citizen: "DE", to: "FR" });
    expect(ap.answer).toMatchObject({ office: "domestic_authority", of: "DE" });
    const lg = classify(K, "apostille for my birth certificate", { citizen: "DE", to: "AE" });
    expect(lg.answer).toMatchObject({ office: "embassy_or_consulate", of: "AE", in: "DE" });
    expect(lg.rule).toBe("apostille-not-applicable");
    const back = classify(K, "legalise my diploma for use abroad", { citizen: "DE", to: "FR" });
    expect(back.rule).toBe("apostille-replaces-legalisation");
  });

  it("EU citizens outside the EU are told of EU consular protection", () => {
    const a = classify(K, "lost my passport", { citizen: "EE", in: "BO" });
    expect(a.caveats.join(" ")).toMatch(/2015\/637/);
    const inside = classify(K, "lost my passport", { citizen: "EE", in: "FR" });
    expect(inside.caveats.join(" ")).not.toMatch(/2015\/637/);
  });

  it("a non-member asking about an organization is told so", () => {
    const a = classify(K, "NATO defence matters", { citizen: "BR" });
    expect(a.answer?.office).toBe("permanent_mission");
    expect(a.caveats.join(" ")).toMatch(/not a member of the North Atlantic Treaty Organization/);
  });
});
