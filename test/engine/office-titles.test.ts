/** Office names on small made-up knowledge (test/support/fixture-knowledge.ts). */
import { describe, expect, it } from "vitest";
import { bilateralName, embassySeat, embassyTitle, missionName } from "../../src/engine/answer/office-titles.js";
import { FIXTURE_K as K, FIXTURE_ORGS } from "../support/fixture-knowledge.js";

describe("bilateral offices", () => {
  it("names an embassy after both states", () => {
    expect(bilateralName(K, "CA", "CH", "Bern")).toEqual({
      title: "Embassy of Canada in Switzerland",
      kind: "embassy",
    });
  });

  it("makes it a High Commission between Commonwealth members, in a state's own style where it has one", () => {
    expect(bilateralName(K, "CA", "GB", "London")).toEqual({
      title: "High Commission of Canada in the United Kingdom",
      kind: "high-commission",
    });
    expect(bilateralName(K, "GB", "CA", "Ottawa").title).toBe("British High Commission Ottawa");
    expect(bilateralName(K, "GB", "CH", "Bern").title).toBe("Embassy of the United Kingdom in Switzerland");
  });

  it("names the Holy See's office a nunciature", () => {
    expect(bilateralName(K, "VA", "CH", "Bern")).toEqual({
      title: "Apostolic Nunciature in Switzerland",
      kind: "nunciature",
    });
  });

  it("falls back to 'your country' when a state is unknown", () => {
    expect(embassyTitle(K, null, "CH", true)).toBe("Your country's embassy or consulate in Switzerland");
    expect(embassyTitle(K, "CA", null, false)).toBe("Embassy of Canada");
    expect(embassyTitle(K, null, null, false)).toBe("Your country's embassy");
  });

  it("seats an embassy in the capital unless the data says otherwise", () => {
    expect(embassySeat(K, "CH")).toEqual({ city: "Bern", exception: false });
    expect(embassySeat(K, "IL")).toEqual({ city: "Tel Aviv", exception: true });
  });
});

describe("missions to organizations", () => {
  const { un, nato } = FIXTURE_ORGS;
  it("uses the organization's style for a member", () => {
    expect(missionName(K, un!, "CH")).toMatchObject({
      title: "Permanent Mission of Switzerland to the United Nations",
      status: "member",
    });
  });

  it("prefers the state's own style", () => {
    expect(missionName(K, nato!, "CA").title).toBe("Joint Delegation of Canada to NATO");
  });

  it("names an observer's office as the organization styles it, and no non-member's office it has no record of", () => {
    expect(missionName(K, un!, "VA")).toMatchObject({
      title: "Permanent Observer Mission of the Holy See to the United Nations",
      status: "observer",
      headTitle: "Permanent Observer",
    });
    // A non-member's office is named only where one is on record: otherwise "not on record", never a made-up name.
    expect(missionName(K, nato!, "CH")).toMatchObject({ title: null, status: "non-member" });
  });

  it("says 'your country' when the state is not known", () => {
    expect(missionName(K, un!, null)).toMatchObject({
      title: "Permanent Mission of your country to the United Nations",
      status: "unknown",
    });
  });
});
