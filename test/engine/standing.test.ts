/**
 * Dated standing and the names it allows, on a small fixture knowledge: a withdrawal pending until
 * its date and done after it, a disputed one said both ways, non-participation, a non-member's own
 * office, and no office named for a state that is not represented.
 */
import { describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/engine/knowledge/knowledge-type.js";
import type { MembershipChange, Organization } from "../../src/model/data-schemas.js";
import { applyChange, standingIn, standingText } from "../../src/engine/lookup/standing.js";
import { bilateralName, missionName } from "../../src/engine/answer/office-titles.js";
import { fullList } from "../support/fixture-knowledge.js";
import { bilateralNamingOf, orgNamingOf } from "../../src/engine/knowledge/compile-naming.js";

const SRC = { source: { title: "t", url: "https://example.org/" }, asOf: "2026-12-03" };

function change(c: Partial<MembershipChange> & Pick<MembershipChange, "code" | "standing">): MembershipChange {
  return { effective: null, note: "n", ...SRC, ...c };
}
const list = fullList;
function org(id: string, missionStyle: string | null, parent: string | null = null): Organization {
  return {
    id,
    acronym: id.toUpperCase(),
    name: `Org ${id}`,
    names: {},
    aliases: [],
    city: "x",
    country: "CH",
    field: "general",
    parent,
    missionStyle,
    headTitle: "Permanent Representative",
    url: "https://example.org/",
    ...SRC,
  };
}

function knowledge(today: string): Knowledge {
  const orgs = [
    org("alpha", "Permanent Mission of {state} to Alpha"),
    org("beta", "Permanent Delegation of {state} to Beta"),
    org("gamma", null),
    org("delta", "Permanent Mission of {state} to Delta"),
    org("alpha-office", "Permanent Mission of {state} to the Alpha Office", "alpha"),
  ];
  const lists = [
    list({
      org: "alpha",
      members: ["AA", "BB", "CC", "DD"],
      observers: ["OO"],
      changes: [
        change({ code: "AA", standing: "withdrawal-pending", effective: "2026-12-31" }),
        change({ code: "EE", standing: "withdrawn", effective: "2026-01-22" }),
        change({ code: "BB", standing: "withdrawn", effective: "2026-03-17", disputed: true }),
        change({ code: "CC", standing: "not-participating", effective: "2026-01-07" }),
      ],
    }),
    list({ org: "beta", members: ["AA"] }),
    list({ org: "gamma", members: null, count: 10 }),
    list({ org: "delta", members: ["AA"], count: 5, membersIncomplete: true, unconfirmedMembers: ["BB"] }),
  ];
  const countries = new Map(
    ["AA", "BB", "CC", "DD", "EE", "OO", "PP", "TW", "VA", "VN", "PY", "FR"].map((c) => [
      c,
      { code: c, cca3: `${c}X`, name: `Land ${c}`, shortName: `Land ${c}`, capital: null },
    ]),
  );
  return {
    today,
    // Derived from the naming data when read, as the knowledge derives them.
    get bilateralNaming() {
      return bilateralNamingOf((this as unknown as Knowledge).data["mission-naming"]);
    },
    get orgNaming() {
      return orgNamingOf((this as unknown as Knowledge).data["mission-naming"], orgs);
    },
    orgs: new Map(orgs.map((o) => [o.id, o])),
    memberships: new Map(lists.map((l) => [l.org, l])),
    countries,
    cities: new Map(),
    data: {
      "mission-naming": {
        asOf: "2026-12-03",
        orgStyles: [{ org: "alpha", state: "DD", title: "DD's Own Mission to Alpha", ...SRC }],
        observerStyles: [],
        nonMemberStyles: [],
        bilateral: [
          { rule: "holy-see", state: "VA", style: "Apostolic Nunciature in {host}", head: "Nuncio", ...SRC },
          { rule: "taiwan", state: "TW", style: "Taipei Economic and Cultural Office in {host}", head: "R", ...SRC },
        ],
        stateOverrides: [],
        headTitles: [],
        nonMemberOffices: [
          {
            org: "beta",
            state: "PP",
            status: "partner",
            standing: "partner",
            title: "Partner Mission of PP to Beta",
            headTitle: "Ambassador",
            ...SRC,
          },
        ],
        holySeeRepresentation: [
          {
            state: "VN",
            relations: false,
            kind: "resident-papal-representative",
            office: "Office of the Resident Papal Representative in Vietnam",
            head: "Resident Papal Representative",
            ...SRC,
          },
          { state: "FR", relations: false, kind: "none", office: null, head: null, ...SRC },
        ],
        taiwanAllies: {
          count: 1,
          states: ["PY"],
          style: "Embassy of the Republic of China (Taiwan) in {host}",
          holySeeStyle: "Embassy of the Republic of China (Taiwan) to the Holy See",
          head: "Ambassador",
          ...SRC,
        },
        orgConventions: [],
      },
    },
  } as unknown as Knowledge;
}

const NOW = knowledge("2026-12-03");
const LATER = knowledge("2027-01-01");

describe("standing on a date", () => {
  it("a withdrawal is pending until its date and done from it, with no data change", () => {
    expect(standingIn(NOW, "alpha", "AA")).toMatchObject({ status: "withdrawal-pending", effective: "2026-12-31" });
    expect(standingText(standingIn(NOW, "alpha", "AA"))).toBe("member, withdrawal takes effect 31 December 2026");
    expect(standingIn(LATER, "alpha", "AA")).toMatchObject({ status: "withdrawn", effective: "2026-12-31" });
    expect(standingText(standingIn(LATER, "alpha", "AA"))).toBe("withdrawn (31 December 2026)");
  });

  it("a state that has left is withdrawn, with the date and the source", () => {
    const s = standingIn(NOW, "alpha", "EE");
    expect(s).toMatchObject({ status: "withdrawn", effective: "2026-01-22" });
    expect(s.source?.url).toBe("https://example.org/");
  });

  it("a disputed withdrawal keeps the organization's view and says the state's", () => {
    const s = standingIn(NOW, "alpha", "BB");
    expect(s.status).toBe("member");
    expect(s.disputed).toEqual({ claim: "withdrawn", effective: "2026-03-17" });
    expect(standingText(s)).toMatch(/disputed: says it withdrew on 17 March 2026/);
  });

  it("not participating from the date on; before it the list stands", () => {
    expect(standingIn(NOW, "alpha", "CC")).toMatchObject({ status: "not-participating", since: "2026-01-07" });
    const c = change({ code: "CC", standing: "not-participating", effective: "2026-01-07" });
    expect(applyChange("member", c, "2026-01-06")).toEqual({ status: "member" });
  });

  it("a withdrawal with no known date stays pending", () => {
    const c = change({ code: "AA", standing: "withdrawal-pending", effective: null });
    expect(standingText(applyChange("member", c, "2030-01-01"))).toBe(
      "member, withdrawal announced (date it takes effect not known)",
    );
  });

  it("a part of an organization takes its parent's list; no list is unknown", () => {
    expect(standingIn(NOW, "alpha-office", "DD").status).toBe("member");
    expect(standingIn(NOW, "alpha-office", "ZZ").status).toBe("non-member");
    expect(standingIn(NOW, "gamma", "AA").status).toBe("unknown");
  });

  it("a list known to be short, or an unconfirmed member, cannot say a state is not a member", () => {
    expect(standingIn(NOW, "delta", "AA").status).toBe("member");
    expect(standingIn(NOW, "delta", "BB").status).toBe("unknown");
    expect(standingIn(NOW, "delta", "ZZ").status).toBe("unknown");
    expect(missionName(NOW, NOW.orgs.get("delta")!, "ZZ").title).toBeNull();
    expect(missionName(NOW, NOW.orgs.get("delta")!, "AA").title).toBe("Permanent Mission of Land AA to Delta");
  });

  it("a non-member's own office makes it a partner there", () => {
    expect(standingIn(NOW, "beta", "PP")).toMatchObject({
      status: "partner",
      office: { title: "Partner Mission of PP to Beta" },
    });
  });
});

describe("names from standing", () => {
  it("names no office for a state that is not represented or has left", () => {
    expect(missionName(NOW, NOW.orgs.get("beta")!, "ZZ").title).toBeNull();
    expect(missionName(NOW, NOW.orgs.get("alpha")!, "EE")).toMatchObject({ title: null, status: "withdrawn" });
    expect(missionName(LATER, LATER.orgs.get("alpha")!, "AA").title).toBeNull();
  });

  it("names members, pending leavers, observers and partners", () => {
    expect(missionName(NOW, NOW.orgs.get("alpha")!, "AA").title).toBe("Permanent Mission of Land AA to Alpha");
    expect(missionName(NOW, NOW.orgs.get("alpha")!, "DD").title).toBe("DD's Own Mission to Alpha");
    expect(missionName(NOW, NOW.orgs.get("alpha")!, "OO").title).toBe("Permanent Observer Mission of Land OO to Alpha");
    expect(missionName(NOW, NOW.orgs.get("beta")!, "PP").title).toBe("Partner Mission of PP to Beta");
  });

  it("where observers keep no separate mission, none is named for them", () => {
    const k = knowledge("2026-12-03");
    (k.data["mission-naming"] as { orgConventions: unknown[] }).orgConventions = [
      { orgs: ["alpha"], style: null, observerMissions: false, ...SRC },
    ];
    expect(missionName(k, k.orgs.get("alpha")!, "OO")).toMatchObject({ title: null, status: "observer" });
  });

  it("an organization without missions gets none named", () => {
    expect(missionName(NOW, NOW.orgs.get("gamma")!, "AA").title).toBeNull();
  });

  it("the Holy See has no nunciature where it has no relations; Taiwan has embassies in its allies only", () => {
    expect(bilateralName(NOW, "VA", "VN", null)).toEqual({
      title: "Office of the Resident Papal Representative in Vietnam",
      kind: "papal-representation",
    });
    expect(bilateralName(NOW, "VA", "FR", null).kind).toBe("none");
    expect(bilateralName(NOW, "VA", "FR", null).title).not.toMatch(/^Apostolic Nunciature/);
    expect(bilateralName(NOW, "VA", "AA", null).title).toBe("Apostolic Nunciature in Land AA");
    expect(bilateralName(NOW, "TW", "PY", null)).toEqual({
      title: "Embassy of the Republic of China (Taiwan) in Land PY",
      kind: "embassy",
    });
    expect(bilateralName(NOW, "TW", "AA", null).kind).toBe("trade-office");
  });
});
