/**
 * A state's standing in an organization on a date: the membership list (as of its date) with its
 * dated changes applied. A withdrawal whose date has not come is "withdrawal-pending" (still a
 * member) and becomes "withdrawn" on that date without a data change; a disputed withdrawal is
 * said both ways. Pure: the date is the knowledge's `today`.
 */
import type { FullMembershipList as MembershipList, MembershipChange, Organization } from "../../model/data-schemas.js";
import { STANDINGS, type StandingStatus } from "../../model/vocabularies.js";
import type { Knowledge } from "../knowledge/knowledge-type.js";

export interface Standing {
  status: StandingStatus;
  /** withdrawal-pending / withdrawn: when the withdrawal takes or took effect (null: not known). */
  effective?: string | null;
  /** suspended / not-participating: since when. */
  since?: string | null;
  /** The date is computed (e.g. two years after a notice), not confirmed. */
  approximate?: boolean;
  /** The state says it has withdrawn; the organization still lists it (both views are said). */
  disputed?: { claim: "withdrawn"; effective: string | null };
  unconfirmed?: boolean;
  note?: string;
  source?: { title: string; url: string; asOf: string };
  /** A non-member's own office to the organization (partner mission, liaison office, delegation). */
  office?: { title: string; headTitle: string };
}

/** Standings under which a state has an office to the organization that may be named: all but these. */
const UNREPRESENTED: ReadonlySet<StandingStatus> = new Set<StandingStatus>(["withdrawn", "non-member", "unknown"]);
const REPRESENTED: ReadonlySet<StandingStatus> = new Set(STANDINGS.filter((s) => !UNREPRESENTED.has(s)));

/** Whether the state is represented at the organization (so its office may be named). */
export function represented(s: Standing): boolean {
  return REPRESENTED.has(s.status) || s.office !== undefined;
}

/** Whether the state counts as belonging to the organization (members, suspended, pending, not participating). */
export function belongs(s: Standing): boolean {
  return (
    s.status === "member" ||
    s.status === "suspended" ||
    s.status === "withdrawal-pending" ||
    s.status === "not-participating"
  );
}

/** The membership list that applies to an organization: its own, or its parent's. */
export function membershipOf(k: Knowledge, orgId: string): MembershipList | null {
  const own = k.memberships.get(orgId);
  if (own) return own;
  const parent = k.orgs.get(orgId)?.parent;
  return parent ? (k.memberships.get(parent) ?? null) : null;
}

/** Standing from the list alone. */
function listed(list: MembershipList, code: string): StandingStatus {
  if (list.suspended.includes(code)) return "suspended";
  if (list.members?.includes(code)) return "member";
  if (list.associateMembers.includes(code)) return "associate";
  if (list.observers.includes(code)) return "observer";
  if (list.partners.includes(code)) return "partner";
  // A list known to be short (or a state recorded as an unconfirmed member) cannot say "not a member".
  if (list.members === null || list.membersIncomplete || list.unconfirmedMembers?.includes(code)) return "unknown";
  return "non-member";
}

function cite(c: MembershipChange): Pick<Standing, "note" | "source" | "unconfirmed"> {
  return {
    note: c.note,
    source: { ...c.source, asOf: c.asOf },
    ...(c.unconfirmed ? { unconfirmed: true } : {}),
  };
}

/** A change applied on a date to what the list says. */
export function applyChange(base: StandingStatus, c: MembershipChange, today: string): Standing {
  const due = c.effective !== null && c.effective <= today;
  const approx = c.effectiveApproximate ? { approximate: true } : {};
  switch (c.standing) {
    case "withdrawn":
    case "withdrawal-pending":
      if (!due) return { status: "withdrawal-pending", effective: c.effective, ...approx, ...cite(c) };
      if (c.disputed)
        return {
          status: base === "non-member" || base === "unknown" ? "withdrawn" : base,
          disputed: { claim: "withdrawn", effective: c.effective },
          ...approx,
          ...cite(c),
        };
      return { status: "withdrawn", effective: c.effective, ...approx, ...cite(c) };
    case "not-participating":
      return due ? { status: "not-participating", since: c.effective, ...cite(c) } : { status: base };
    case "suspended":
      return due ? { status: "suspended", since: c.effective, ...cite(c) } : { status: base };
  }
}

/**
 * A state's standing in an organization today: the list, its dated changes, and the state's
 * own office where it is not a member (a partner mission, a liaison office).
 */
export function standingIn(k: Knowledge, org: Organization | string, code: string): Standing {
  const orgId = typeof org === "string" ? org : org.id;
  const list = membershipOf(k, orgId);
  let st: Standing = { status: list ? listed(list, code) : "unknown" };
  const change = list?.changes.find((c) => c.code === code);
  if (list && change) st = applyChange(st.status, change, k.today);
  if (st.status === "non-member" || st.status === "unknown") {
    const own = k.orgNaming.get(orgId)?.nonMemberOffices.find((o) => o.state === code);
    if (own)
      st = {
        ...st,
        status: own.status === "non-member" && st.status === "unknown" ? "non-member" : own.status,
        office: { title: own.title, headTitle: own.headTitle },
        note: own.standing,
        source: { ...own.source, asOf: own.asOf },
      };
  }
  return st;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-12-31" → "31 December 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * The standing in words, for cards and tables: "member, withdrawal takes effect 31 December 2026",
 * "withdrawn (22 January 2026)", "member per the organization; says it withdrew on 17 March 2026".
 */
export function standingText(s: Standing): string {
  const about = s.approximate ? "about " : "";
  switch (s.status) {
    case "withdrawal-pending":
      return s.effective
        ? `member, withdrawal takes effect ${about}${longDate(s.effective)}`
        : "member, withdrawal announced (date it takes effect not known)";
    case "withdrawn":
      if (s.disputed) return `withdrawn by its own account (${about}${longDate(s.disputed.effective ?? "")})`;
      return s.effective ? `withdrawn (${about}${longDate(s.effective)})` : "withdrawn";
    case "not-participating":
      return s.since ? `member, not participating since ${longDate(s.since)}` : "member, not participating";
    case "suspended":
      return s.since ? `member, suspended since ${longDate(s.since)}` : "member (suspended)";
    case "dialogue-partner":
      return "dialogue partner";
    default:
      if (s.disputed?.effective)
        return `${s.status} (disputed: says it withdrew on ${about}${longDate(s.disputed.effective)})`;
      return s.status;
  }
}
