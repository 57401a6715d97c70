/**
 * What names offices, from data/mission-naming.json, in the two parts an answer reads: the
 * bilateral part (an embassy's or high commission's title) and, per organization, its entries
 * (a state's own style, observer styles, conventions, non-members' own offices). A classify then
 * reads one organization's line of the build cache, not the whole file.
 */
import type { MissionNaming, Organization } from "../../model/data-schemas.js";
import type { Knowledge, OrgNaming } from "./knowledge-type.js";

export function bilateralNamingOf(n: MissionNaming): Knowledge["bilateralNaming"] {
  const { bilateral, stateOverrides, holySeeRepresentation, taiwanAllies } = n;
  return { bilateral, stateOverrides, holySeeRepresentation, taiwanAllies };
}

/** By organization id, in file order; an organization's observer styles include its parent's. */
export function orgNamingOf(n: MissionNaming, orgs: Iterable<Organization>): Map<string, OrgNaming> {
  const parent = new Map([...orgs].map((o) => [o.id, o.parent ?? null]));
  const ids = new Set([
    ...parent.keys(),
    ...n.orgStyles.map((o) => o.org),
    ...n.observerStyles.map((o) => o.org),
    ...(n.orgConventions ?? []).flatMap((c) => c.orgs),
    ...(n.nonMemberOffices ?? []).map((o) => o.org),
  ]);
  return new Map(
    [...ids].map((id) => [
      id,
      {
        orgStyles: n.orgStyles.filter((o) => o.org === id),
        observerStyles: n.observerStyles.filter((o) => o.org === id || o.org === parent.get(id)),
        orgConventions: (n.orgConventions ?? []).filter((c) => c.orgs.includes(id)),
        nonMemberOffices: (n.nonMemberOffices ?? []).filter((o) => o.org === id),
      },
    ]),
  );
}
