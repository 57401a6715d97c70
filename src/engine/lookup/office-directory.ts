/**
 * The office directory compiled for look-up: the Wikidata import (data/offices.json) with the
 * curated corrections laid over it (data/office-corrections.json): closures removed, seats moved,
 * services an office does not offer marked, offices the import lacks added. Pure.
 */
import type { DirectoryOfficeType, FileData, OfficeCorrections } from "../../model/data-schemas.js";
import type { DirectoryOffice, OfficeDirectory } from "./office-choice.js";
import { caseless } from "../text/fold.js";

type OfficesDoc = FileData["offices"];
type CorrectionsDoc = Pick<OfficeCorrections, "serviceExceptions" | "seats" | "additions"> & {
  closures: OfficeCorrections["closures"];
};

/** A country whose embassies sit in a city other than its official capital (data/embassy-seats.json). */
export interface HostSeat {
  country: string;
  city: string;
  capital: string;
}
const SEATED_TYPES: ReadonlySet<string> = new Set<DirectoryOfficeType>(["embassy", "high-commission", "nunciature"]);

export const norm = (s: string | null | undefined): string => caseless(s ?? "").trim();

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

/** Reads the import's rows into offices (columns as the file names them). */
export function readOffices(doc: OfficesDoc): DirectoryOffice[] {
  const col = (name: string): number => doc.columns.indexOf(name);
  const c = {
    id: col("id"),
    operator: col("operator"),
    host: col("host"),
    city: col("city"),
    type: col("type"),
    address: col("address"),
    phone: col("phone"),
    email: col("email"),
    website: col("website"),
    lat: col("lat"),
    lon: col("lon"),
    covers: col("covers"),
  };
  type Row = OfficesDoc["rows"][number];
  const str = (row: Row, i: number): string | null => {
    const v = i >= 0 ? row[i] : null;
    return typeof v === "string" && v !== "" ? v : null;
  };
  const num = (row: Row, i: number): number | null => {
    const v = i >= 0 ? row[i] : null;
    return typeof v === "number" ? v : null;
  };
  const asOf = doc.source.snapshotDate ?? doc.asOf;
  return doc.rows.map((row) => {
    const contact: DirectoryOffice["contact"] = {};
    const address = str(row, c.address);
    const phone = str(row, c.phone);
    const email = str(row, c.email);
    const website = str(row, c.website);
    if (address) contact.address = address;
    if (phone) contact.phone = phone;
    if (email) contact.email = email;
    if (website) contact.website = website;
    const covers = c.covers >= 0 ? row[c.covers] : null;
    return {
      id: str(row, c.id) ?? "",
      operator: str(row, c.operator) ?? "",
      host: str(row, c.host) ?? "",
      city: str(row, c.city),
      type: (str(row, c.type) ?? "other") as DirectoryOfficeType,
      name: null,
      contact,
      services: null,
      notOffered: [],
      lat: num(row, c.lat),
      lon: num(row, c.lon),
      covers: Array.isArray(covers) ? covers : [],
      source: "Wikidata",
      asOf,
    };
  });
}

/** An office that a curated record says exists, with only what that record tells of it. */
function curatedOffice(
  operator: string,
  host: string,
  city: string,
  type: DirectoryOfficeType,
  record: { source: { url: string }; asOf: string },
): DirectoryOffice {
  const id = `curated:${operator}-${host}-${norm(city).replace(/\W+/g, "-")}-${type}`;
  return expandOffice(`${operator}>${host}`, { i: id, t: type, c: city, r: record.source.url }, record.asOf);
}

/**
 * Lays the corrections over the imported offices and indexes them by "operator>host" and by the
 * countries an office is accredited to from abroad.
 */
export function compileDirectory(
  imported: DirectoryOffice[],
  corr: CorrectionsDoc,
  hostSeats: readonly HostSeat[] = [],
): OfficeDirectory & { cityPoints: Map<string, [number, number]> } {
  const matches = (
    o: DirectoryOffice,
    r: { operator: string; host: string; city?: string | null | undefined; type?: string | null | undefined },
  ) =>
    o.operator === r.operator &&
    o.host === r.host &&
    (!r.city || norm(o.city) === norm(r.city)) &&
    (!r.type || o.type === r.type);
  let offices = imported.filter((o) => !corr.closures.some((cl) => cl.status !== "reopened" && matches(o, cl)));
  // Where embassies to a country sit outside its official capital (data/embassy-seats.json), an
  // embassy the import places in that capital is at the seat, unless a seat of its own is recorded
  // below (the seven embassies in Jerusalem): one source of truth for both files.
  for (const hs of hostSeats) {
    if (norm(hs.city) === norm(hs.capital)) continue;
    const ownSeat = (o: DirectoryOffice) => corr.seats.some((st) => st.operator === o.operator && st.host === o.host);
    offices = offices.map((o) =>
      o.host === hs.country && SEATED_TYPES.has(o.type) && norm(o.city) === norm(hs.capital) && !ownSeat(o)
        ? { ...o, city: hs.city }
        : o,
    );
  }
  // A seat recorded for one state's embassy: its embassy records elsewhere in that country are
  // outdated, and where the import has none in the seat, the seat's source says there is one.
  for (const seat of corr.seats) {
    const operator = seat.operator;
    if (!operator) continue;
    const isEmbassy = (o: DirectoryOffice) => o.operator === operator && o.host === seat.host && o.type === "embassy";
    const there = offices.find((o) => isEmbassy(o) && norm(o.city) === norm(seat.city));
    offices = offices.filter((o) => !isEmbassy(o) || o === there);
    if (!there) {
      offices.push(curatedOffice(operator, seat.host, seat.city, "embassy", seat));
    }
  }
  for (const add of corr.additions) {
    // The import's record of the same office, where it has one (some have no city).
    const same =
      offices.find((o) => matches(o, add)) ??
      offices.find((o) => o.city === null && matches(o, { operator: add.operator, host: add.host, type: add.type }));
    const curated: DirectoryOffice = {
      id:
        add.id ?? same?.id ?? `curated:${add.operator}-${add.host}-${norm(add.city).replace(/\W+/g, "-")}-${add.type}`,
      operator: add.operator,
      host: add.host,
      city: add.city,
      type: add.type,
      name: add.name ?? null,
      contact: {
        ...same?.contact,
        ...(add.address ? { address: add.address } : {}),
        ...(add.phone ? { phone: add.phone } : {}),
        ...(add.email ? { email: add.email } : {}),
        ...(add.website ? { website: add.website } : {}),
      },
      services: add.services ?? null,
      notOffered: add.notOffered ?? [],
      lat: same?.lat ?? null,
      lon: same?.lon ?? null,
      covers: add.district ?? same?.covers ?? [],
      source: add.source.url,
      asOf: add.asOf,
    };
    offices = same ? offices.map((o) => (o === same ? curated : o)) : [...offices, curated];
  }
  // A service exception's office, and the one it names as serving instead, exist (its source says
  // so): add them where the import lacks them.
  for (const ex of corr.serviceExceptions) {
    for (const by of [{ ...ex, type: ex.type ?? undefined }, ex.servedBy]) {
      if (!by || offices.some((o) => matches(o, { operator: by.operator, host: by.host, city: by.city }))) continue;
      const type = (by.type ?? "consulate-general") as DirectoryOfficeType;
      offices.push(curatedOffice(by.operator, by.host, by.city, type, ex));
    }
  }
  for (const ex of corr.serviceExceptions) {
    offices = offices.map((o) =>
      matches(o, ex) ? { ...o, notOffered: [...new Set([...o.notOffered, ...ex.notOffered])] } : o,
    );
  }
  // An office in another country that a service exception names as serving instead (Australia's
  // embassy in Berlin for visas from the Netherlands) serves that country: it covers it.
  for (const ex of corr.serviceExceptions) {
    const by = ex.servedBy;
    if (!by || by.host === ex.host || by.host === by.operator) continue;
    offices = offices.map((o) =>
      matches(o, { operator: by.operator, host: by.host, city: by.city, type: by.type }) && !o.covers.includes(ex.host)
        ? { ...o, covers: [...o.covers, ex.host] }
        : o,
    );
  }
  const byPair = new Map<string, DirectoryOffice[]>();
  // Where a city is: the offices recorded in it (any state's), averaged.
  const sums = new Map<string, [number, number, number]>();
  for (const o of offices) {
    if (o.city === null || o.lat === null || o.lon === null) continue;
    const key = `${o.host}|${norm(o.city)}`;
    const s = sums.get(key) ?? [0, 0, 0];
    sums.set(key, [s[0] + o.lat, s[1] + o.lon, s[2] + 1]);
  }
  const cityPoints = new Map<string, [number, number]>();
  for (const [key, [lat, lon, n]] of sums)
    cityPoints.set(key, [Math.round((lat / n) * 1e3) / 1e3, Math.round((lon / n) * 1e3) / 1e3]);
  // Offices without a position take their city's.
  offices = offices.map((o) => {
    if (o.lat !== null || o.city === null) return o;
    const p = cityPoints.get(`${o.host}|${norm(o.city)}`);
    return p ? { ...o, lat: p[0], lon: p[1] } : o;
  });
  const accredited = new Map<string, DirectoryOffice[]>();
  for (const o of offices) {
    push(byPair, `${o.operator}>${o.host}`, o);
    for (const j of o.covers) if (j !== o.host) push(accredited, `${o.operator}>${j}`, o);
  }
  return { byPair, accredited, cityPoints };
}

/**
 * An office as the build cache keeps it: only the fields that differ from the defaults, under short
 * keys, so that the index a one-shot command reads stays small. Operator and host are in the key.
 */
export interface CompactOffice {
  i: string;
  t: DirectoryOffice["type"];
  c?: string;
  n?: string;
  p?: [number, number];
  k?: DirectoryOffice["contact"];
  s?: string[];
  x?: string[];
  v?: string[];
  r?: string;
  d?: string;
}

/** The compact form of an office (see CompactOffice); `asOf` is the directory's snapshot date. */
export function compactOffice(o: DirectoryOffice, asOf: string): CompactOffice {
  const c: CompactOffice = { i: o.id, t: o.type };
  if (o.city !== null) c.c = o.city;
  if (o.name !== null) c.n = o.name;
  if (o.lat !== null && o.lon !== null) c.p = [o.lat, o.lon];
  if (Object.keys(o.contact).length > 0) c.k = o.contact;
  if (o.services !== null) c.s = o.services;
  if (o.notOffered.length > 0) c.x = o.notOffered;
  if (o.covers.length > 0) c.v = o.covers;
  if (o.source !== "Wikidata") c.r = o.source;
  if (o.asOf !== asOf) c.d = o.asOf;
  return c;
}

/** An office back from its compact form and its "operator>host" key. */
export function expandOffice(key: string, c: CompactOffice, asOf: string): DirectoryOffice {
  const [operator = "", host = ""] = key.split(">");
  return {
    id: c.i,
    operator,
    host,
    city: c.c ?? null,
    type: c.t,
    name: c.n ?? null,
    contact: c.k ?? {},
    services: c.s ?? null,
    notOffered: c.x ?? [],
    lat: c.p?.[0] ?? null,
    lon: c.p?.[1] ?? null,
    covers: c.v ?? [],
    source: c.r ?? "Wikidata",
    asOf: c.d ?? asOf,
  };
}

/** A read-only map whose values are expanded from a compact map's on each read. */
export class ExpandingMap<C, V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly inner: ReadonlyMap<string, C>,
    private readonly expand: (key: string, c: C) => V,
  ) {}
  get size(): number {
    return this.inner.size;
  }
  get(key: string): V | undefined {
    const c = this.inner.get(key);
    return c === undefined ? undefined : this.expand(key, c);
  }
  has(key: string): boolean {
    return this.inner.has(key);
  }
  *entries(): MapIterator<[string, V]> {
    for (const [key, c] of this.inner) yield [key, this.expand(key, c)];
  }
  *keys(): MapIterator<string> {
    yield* this.inner.keys();
  }
  *values(): MapIterator<V> {
    for (const [key, c] of this.inner) yield this.expand(key, c);
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, v] of this.entries()) fn(v, key, this);
  }
}
