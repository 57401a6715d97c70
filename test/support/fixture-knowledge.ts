/**
 * Small made-up knowledge for engine unit tests: four states, two organizations, their naming
 * styles and membership lists. Only what the tested functions read is filled in; editing the
 * bundled data never changes it. The names are real-looking so the titles read naturally.
 */
import type { Knowledge } from "../../src/engine/knowledge/knowledge-type.js";
import { bilateralNamingOf, orgNamingOf } from "../../src/engine/knowledge/compile-naming.js";
import {
  MissionNamingFile,
  type FullMembershipList,
  type MissionNaming,
  type Organization,
} from "../../src/model/data-schemas.js";

const source = { title: "test fixture", url: "https://example.org/fixture" };
const asOf = "2026-01-01";

const country = (code: string, shortName: string, capital: string): [string, object] => [
  code,
  { code, shortName, name: shortName, capital },
];

/** A membership list as compile() keeps it: every list present, empty where the data has none. */
export function fullList(
  l: Partial<FullMembershipList> & Pick<FullMembershipList, "org" | "members">,
): FullMembershipList {
  return {
    count: l.members?.length ?? null,
    otherMembers: [],
    associateMembers: [],
    participatingStates: [],
    observers: [],
    otherObservers: [],
    partners: [],
    suspended: [],
    changes: [],
    source,
    asOf,
    ...l,
  };
}

const list = (org: string, members: string[], more: Partial<FullMembershipList> = {}): [string, FullMembershipList] => [
  org,
  fullList({ org, members, ...more }),
];

export const FIXTURE_ORGS: Record<string, Organization> = {
  un: {
    id: "un",
    acronym: "UN",
    name: "United Nations",
    names: {},
    aliases: [],
    city: "new-york",
    country: "US",
    field: "general",
    parent: null,
    missionStyle: "Permanent Mission of {state} to the United Nations",
    headTitle: "Permanent Representative",
    url: "https://example.org/un",
    source,
    asOf,
  },
  nato: {
    id: "nato",
    acronym: "NATO",
    name: "North Atlantic Treaty Organization",
    names: {},
    aliases: [],
    city: "brussels",
    country: "BE",
    field: "security",
    parent: null,
    missionStyle: "Delegation of {state} to NATO",
    headTitle: null,
    url: "https://example.org/nato",
    source,
    asOf,
  },
};

const naming: MissionNaming = MissionNamingFile.parse({
  asOf,
  orgStyles: [{ org: "nato", state: "CA", title: "Joint Delegation of Canada to NATO", source, asOf }],
  observerStyles: [
    {
      org: "un",
      style: "Permanent Observer Mission of {state} to the United Nations",
      headTitle: "Permanent Observer",
      source,
      asOf,
    },
  ],
  nonMemberStyles: [{ org: "nato", style: "Mission of {state} to NATO", headTitle: "Head of Mission", source, asOf }],
  bilateral: [
    { rule: "commonwealth", style: "High Commission of {state} in {host}", head: "High Commissioner", source, asOf },
    { rule: "holy-see", style: "Apostolic Nunciature in {host}", head: "Apostolic Nuncio", source, asOf },
  ],
  stateOverrides: [
    {
      state: "GB",
      kind: "high-commission",
      title: "British High Commission {city}",
      head: "High Commissioner",
      source,
      asOf,
    },
  ],
  headTitles: [],
});

/** The knowledge the office-title functions read, and nothing else. */
export const FIXTURE_K = {
  countries: new Map([
    country("CA", "Canada", "Ottawa"),
    country("GB", "the United Kingdom", "London"),
    country("CH", "Switzerland", "Bern"),
    country("VA", "the Holy See", "Vatican City"),
    country("IL", "Israel", "Jerusalem"),
  ]),
  seats: new Map([["IL", { city: "Tel Aviv" }]]),
  orgs: new Map(Object.entries(FIXTURE_ORGS)),
  memberships: new Map([
    list("commonwealth", ["CA", "GB"]),
    list("un", ["CA", "GB", "CH", "IL"], { observers: ["VA"] }),
    list("nato", ["CA", "GB"]),
  ]),
  data: { "mission-naming": naming },
  // Derived from the naming data when read, as the knowledge derives them.
  get bilateralNaming() {
    return bilateralNamingOf((this as unknown as Knowledge).data["mission-naming"]);
  },
  get orgNaming() {
    return orgNamingOf((this as unknown as Knowledge).data["mission-naming"], Object.values(FIXTURE_ORGS));
  },
  today: "2026-12-03",
} as unknown as Knowledge;
