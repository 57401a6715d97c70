/** data --check's membership and naming checks catch what they are for (each on one broken copy). */
import { describe, expect, it } from "vitest";
import { crossCheck } from "../../src/store/integrity.js";
import { validateData } from "../../src/store/overlay-validation.js";
import type { FileData } from "../../src/model/data-schemas.js";

const base = validateData().data!;
const broken = (edit: (d: FileData) => void): string[] => {
  const d = structuredClone(base);
  edit(d);
  return crossCheck(d).map((p) => `${p.path}: ${p.reason}`);
};
const listOf = (d: FileData, org: string) => d.memberships.lists.find((l) => l.org === org)!;
const SRC = { source: { title: "t", url: "https://example.org/" }, asOf: "2026-12-03" };

describe("membership integrity", () => {
  it("the bundled data passes", () => {
    expect(crossCheck(base)).toEqual([]);
  });

  it("a change must refer to a member (or to one that has left), once", () => {
    const p = broken(
      (d) =>
        (listOf(d, "nato").changes = [
          { code: "JP", standing: "withdrawal-pending", effective: "2027-01-01", note: "n", ...SRC },
        ]),
    );
    expect(p.join("\n")).toMatch(/"JP" is not a member, so it cannot be withdrawal-pending/);
  });

  it("a state that has withdrawn is no longer listed", () => {
    const p = broken((d) => listOf(d, "who").members!.push("US"));
    expect(p.join("\n")).toMatch(/"US" has withdrawn but is still listed/);
  });

  it("counts add up, and codes are countries", () => {
    expect(broken((d) => (listOf(d, "efta").count = 5)).join("\n")).toMatch(/count 5 but the list makes 4/);
    expect(broken((d) => listOf(d, "efta").members!.push("QQ")).join("\n")).toMatch(/unknown country "QQ"/);
  });

  it("a list marked incomplete is shorter than its count, and a full one adds up (HCCH, WHO/Europe)", () => {
    expect(broken((d) => (listOf(d, "hcch").count = 88)).join("\n")).toMatch(
      /marked incomplete but lists the whole count/,
    );
    expect(broken((d) => (listOf(d, "who-europe").count = 54)).join("\n")).toMatch(/count 54 but the list makes 53/);
    expect(broken((d) => listOf(d, "who-europe").members!.push("KZ")).join("\n")).toMatch(/"KZ" listed twice/);
  });

  it("a non-member's office is not a member's", () => {
    const p = broken((d) => (d["mission-naming"].nonMemberOffices![0]!.state = "DE"));
    expect(p.join("\n")).toMatch(/"DE" is a member of "eu"/);
  });

  it("Taiwan's allies add up to their count", () => {
    const p = broken((d) => d["mission-naming"].taiwanAllies!.states.pop());
    expect(p.join("\n")).toMatch(/count 12 but 11 states listed/);
  });
});

describe("membership integrity, part B lists", () => {
  it("a complete list that gains a member no longer adds up", () => {
    expect(broken((d) => listOf(d, "interpol").members!.push("KP")).join("\n")).toMatch(
      /count 196 but the list makes 197/,
    );
    expect(broken((d) => listOf(d, "ebrd").otherMembers.pop()).join("\n")).toMatch(/count 79 but the list makes 78/);
    expect(broken((d) => listOf(d, "isa").members!.pop()).join("\n")).toMatch(/count 170 but the list makes 169/);
  });

  it("an incomplete list (WCO, PCA) may not list its whole count", () => {
    const p = broken((d) => (listOf(d, "pca").count = 78));
    expect(p.join("\n")).toMatch(/marked incomplete but lists the whole count/);
    expect(broken((d) => listOf(d, "wco").members!.push("QQ")).join("\n")).toMatch(/unknown country "QQ"/);
  });
});
