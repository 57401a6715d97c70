/**
 * Which real office serves a person: the directory of embassies and consulates (Wikidata, with
 * curated corrections) read for one state's offices in one country. Pure: the caller passes the
 * compiled directory; nothing here builds an office from a pair of states.
 */
import type { DirectoryOfficeType } from "../../model/data-schemas.js";
import { caseless } from "../text/fold.js";

export type { DirectoryOfficeType };

/** What a person comes for: decides which offices can serve. */
export type OfficeService = "consular" | "passports" | "visas" | "voting" | "matricula" | "bilateral";

interface OfficeContact {
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
}

export interface DirectoryOffice {
  /** Wikidata QID, or the curated record's id. */
  id: string;
  operator: string;
  host: string;
  /** The city people would name ("Brussels" for an office in Uccle); null when not matched. */
  city: string | null;
  type: DirectoryOfficeType;
  /** The office's own name where a curated record gives it. */
  name: string | null;
  contact: OfficeContact;
  /** Services the office is known to offer (curated); null when only its type is known. */
  services: string[] | null;
  /** Services its type suggests but it does not offer (curated service exceptions). */
  notOffered: string[];
  lat: number | null;
  lon: number | null;
  /** Other countries the office is accredited to or serves, where recorded. */
  covers: string[];
  /** "Wikidata", or the URL of the curated record's source. */
  source: string;
  asOf: string;
}

/** The part of the compiled knowledge this module reads. */
export interface OfficeDirectory {
  /** Offices by "operator>host", closures already removed. */
  byPair: ReadonlyMap<string, readonly DirectoryOffice[]>;
  /** Offices abroad whose recorded district includes a country, by "operator>country". */
  accredited: ReadonlyMap<string, readonly DirectoryOffice[]>;
  /** Where a city is, for offices recorded without a position (asked only when distances matter). */
  pointOf?: (host: string, city: string) => readonly [number, number] | undefined;
}

/** Types that can do consular work and take visa applications, best first for a city. */
const CONSULAR_RANK: readonly DirectoryOfficeType[] = [
  "consulate-general",
  "consulate",
  "embassy",
  "high-commission",
  "interests-section",
  "trade-office",
];
/** Types that carry bilateral relations. */
const BILATERAL_RANK: readonly DirectoryOfficeType[] = [
  "embassy",
  "high-commission",
  "nunciature",
  "eu-delegation",
  "trade-office",
  "interests-section",
];
/** Services only consulates offer (a Mexican matrícula is issued by consulates). */
const CONSULATE_ONLY: ReadonlySet<OfficeService> = new Set(["matricula"]);

export interface OfficeQuery {
  of: string;
  host: string;
  /** The person's city, as the office records name it. */
  city: string | null;
  /** The person's city's position, to tell which office is nearer. */
  at?: { lat: number; lon: number } | null;
  service: OfficeService;
}

export type OfficeChoice =
  | {
      kind: "resident";
      office: DirectoryOffice;
      /** in-city: the office in the person's city; nearest: the nearest to it; seat: the embassy; only: the one capable office. */
      why: "in-city" | "nearest" | "seat" | "only";
      /** The embassy, where a nearer office was chosen over it. */
      nearer: DirectoryOffice | null;
      /** The state's other capable offices in the country. */
      others: DirectoryOffice[];
    }
  | {
      kind: "not-on-record";
      /** An honorary consul of the state in the country, where recorded (limited services). */
      honorary: DirectoryOffice | null;
      /** Offices of the state in the country that do not offer this service. */
      notServing: DirectoryOffice[];
    };

function serves(o: DirectoryOffice, service: OfficeService): boolean {
  if (o.notOffered.includes(service)) return false;
  if (service === "passports" || service === "voting" || service === "matricula") {
    if (o.notOffered.includes("consular")) return false;
  }
  if (o.services) {
    if (service === "bilateral") return true;
    if (o.services.includes(service)) return true;
    if (service !== "visas" && o.services.includes("consular")) return true;
    return false;
  }
  if (CONSULATE_ONLY.has(service)) return o.type === "consulate-general" || o.type === "consulate";
  // Representative and trade offices act as embassies only where official relations are missing:
  // Taiwan's offices abroad and other states' offices in Taiwan.
  if (o.type === "trade-office" && o.operator !== "TW" && o.host !== "TW") return false;
  const rank = service === "bilateral" ? BILATERAL_RANK : CONSULAR_RANK;
  return rank.includes(o.type);
}

function rankOf(o: DirectoryOffice, service: OfficeService): number {
  const rank = service === "bilateral" ? BILATERAL_RANK : CONSULAR_RANK;
  const i = rank.indexOf(o.type);
  return i < 0 ? rank.length : i;
}

/** Great-circle distance in km. */
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function byRankThenCity(service: OfficeService) {
  return (a: DirectoryOffice, b: DirectoryOffice): number =>
    rankOf(a, service) - rankOf(b, service) || (a.city ?? "").localeCompare(b.city ?? "") || a.id.localeCompare(b.id);
}

/**
 * The office of state `of` in country `host` that serves the person for `service`: the one in
 * their own city; else the embassy (or high commission) where the state keeps it; else the only
 * capable office. "not-on-record" when the directory holds none that serves — the directory is
 * incomplete, so that is all it says.
 */
export function chooseOffice(dir: OfficeDirectory, q: OfficeQuery): OfficeChoice {
  const all = dir.byPair.get(`${q.of}>${q.host}`) ?? [];
  const capable = all
    .filter((o) => o.type !== "honorary-consulate" && serves(o, q.service))
    .sort(byRankThenCity(q.service));
  if (capable.length === 0) {
    const honorary = all.find((o) => o.type === "honorary-consulate") ?? null;
    const notServing = all.filter((o) => o.type !== "honorary-consulate");
    return { kind: "not-on-record", honorary, notServing };
  }
  const others = (chosen: DirectoryOffice) => capable.filter((o) => o !== chosen);
  if (q.city) {
    const city = caseless(q.city);
    const here = capable.find((o) => o.city !== null && caseless(o.city) === city);
    if (here) return { kind: "resident", office: here, why: "in-city", nearer: null, others: others(here) };
  }
  const seat =
    capable.find((o) => o.type === "embassy" || o.type === "high-commission" || o.type === "nunciature") ?? null;
  let chosen = seat ?? capable[0]!;
  let why: "seat" | "only" | "nearest" = seat ? "seat" : "only";
  let nearer: DirectoryOffice | null = null;
  // Consular districts are not on record, but they follow geography: from a city with no office,
  // the nearest office that serves is the likelier one (Lausanne → Geneva, Philadelphia → New York).
  if (q.at && q.service !== "bilateral") {
    const here = q.at;
    const dist = (o: DirectoryOffice) => {
      const p: readonly [number, number] | undefined =
        o.lat !== null && o.lon !== null ? [o.lat, o.lon] : o.city ? dir.pointOf?.(o.host, o.city) : undefined;
      return p ? distanceKm(here, { lat: p[0], lon: p[1] }) : Infinity;
    };
    const nearest = [...capable].sort((a, b) => dist(a) - dist(b))[0]!;
    const dChosen = dist(chosen);
    if (nearest !== chosen && dist(nearest) < Infinity && (dChosen === Infinity || dist(nearest) < dChosen * 0.8)) {
      nearer = dChosen === Infinity ? null : chosen;
      chosen = nearest;
      why = "nearest";
    }
  }
  return { kind: "resident", office: chosen, why, nearer, others: others(chosen) };
}

/** A protecting power's office acting for a state that has none (data/protecting-powers.json). */
interface ProtectingRecord {
  protected: string;
  in: string;
  protectingPower: string;
  office: string;
  city: string;
}

/** Two states without diplomatic relations (data/no-relations.json). */
interface NoRelationsRecord {
  a: string;
  b: string;
  since: string | null;
  note: string | null;
}

/** A state's offices closed or suspended in a country (data/office-corrections.json closures). */
export interface ClosureRecord {
  operator: string;
  host: string;
  city: string | null;
  status: "closed" | "suspended";
  since: string | null;
  note: string | null;
}

/** One state's offices serving another's citizens (data/consular-sharing.json). */
interface SharingRecord {
  id: string;
  /** States whose citizens are served ("EU" for every EU member). */
  served: string[];
  /** States whose offices serve them ("EU" for any EU member). */
  by: string[];
  /** Host countries where it applies; null for everywhere the served state has no office. */
  where: string[] | null;
  /** Hosts where it applies even though the served state has an office there. */
  alsoWhere: string[];
  name: string;
  caveat: string | null;
}

export interface Arrangements {
  protecting: ReadonlyMap<string, ProtectingRecord>;
  noRelations: ReadonlyMap<string, NoRelationsRecord>;
  closures: ReadonlyMap<string, readonly ClosureRecord[]>;
  sharing: readonly SharingRecord[];
  eu: ReadonlySet<string>;
}

export type Serving =
  | { kind: "own"; choice: Extract<OfficeChoice, { kind: "resident" }> }
  | { kind: "protecting-power"; record: ProtectingRecord; office: DirectoryOffice | null }
  | {
      kind: "shared";
      record: SharingRecord;
      by: string;
      choice: Extract<OfficeChoice, { kind: "resident" }>;
    }
  | {
      kind: "accredited";
      /** The state's office in another country whose district includes this one. */
      office: DirectoryOffice;
      /** The state's offices in the country that do not offer this (the office abroad does). */
      notServing: DirectoryOffice[];
    }
  | {
      kind: "none";
      /** no-relations and closed are curated facts; not-on-record is only the directory's silence. */
      reason: "no-relations" | "closed" | "not-on-record";
      noRelations: NoRelationsRecord | null;
      closures: readonly ClosureRecord[];
      honorary: DirectoryOffice | null;
      notServing: DirectoryOffice[];
    };

/** The key of a pair of states in the no-relations table: the two codes in order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Who serves a citizen of `q.of` in `q.host`: a protecting power where one acts (a curated fact
 * beats the directory); else the state's own office; else, where no relations or a closure say so,
 * nothing resident; else an arrangement by which another state's office serves them (Switzerland
 * for Liechtenstein, China for Hong Kong residents, the Canada–Australia agreement, any EU state
 * for EU citizens); else "not on record".
 */
export function whoServes(dir: OfficeDirectory, arr: Arrangements, q: OfficeQuery): Serving {
  const pr = arr.protecting.get(`${q.of}>${q.host}`);
  const noRel = arr.noRelations.get(pairKey(q.of, q.host)) ?? null;
  if (pr) {
    const theirs = chooseOffice(dir, { ...q, of: pr.protectingPower, service: "consular" });
    return { kind: "protecting-power", record: pr, office: theirs.kind === "resident" ? theirs.office : null };
  }
  const closures = arr.closures.get(`${q.of}>${q.host}`) ?? [];
  const sharedFirst = arr.sharing.find((s) => s.served.includes(q.of) && s.alsoWhere.includes(q.host));
  if (sharedFirst && q.service !== "bilateral") {
    for (const state of sharedFirst.by) {
      const c = chooseOffice(dir, { ...q, of: state, service: q.service === "visas" ? "visas" : "consular" });
      if (c.kind === "resident") return { kind: "shared", record: sharedFirst, by: state, choice: c };
    }
  }
  const own = noRel ? null : chooseOffice(dir, q);
  if (own?.kind === "resident") return { kind: "own", choice: own };
  if (q.service !== "bilateral") {
    for (const s of arr.sharing) {
      const served = s.served.includes(q.of) || (s.served.includes("EU") && arr.eu.has(q.of));
      if (!served || (s.where && !s.where.includes(q.host))) continue;
      const by = s.by.includes("EU") ? [...arr.eu].sort() : s.by;
      for (const state of by) {
        if (state === q.of || state === q.host) continue;
        const c = chooseOffice(dir, { ...q, of: state, service: q.service === "visas" ? "visas" : "consular" });
        if (c.kind === "resident") return { kind: "shared", record: s, by: state, choice: c };
      }
    }
  }
  if (!noRel) {
    const from = (dir.accredited.get(`${q.of}>${q.host}`) ?? []).filter(
      (o) => o.type !== "honorary-consulate" && serves(o, q.service),
    );
    if (from.length > 0)
      return {
        kind: "accredited",
        office: [...from].sort(byRankThenCity(q.service))[0]!,
        notServing: own?.kind === "not-on-record" ? own.notServing : [],
      };
  }
  return {
    kind: "none",
    reason: noRel ? "no-relations" : closures.some((c) => c.city === null) ? "closed" : "not-on-record",
    noRelations: noRel,
    closures,
    honorary: own?.kind === "not-on-record" ? own.honorary : null,
    notServing: own?.kind === "not-on-record" ? own.notServing : [],
  };
}
