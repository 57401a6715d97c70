/**
 * The concrete office in an answer: what whoServes found, said as the answer's title, city,
 * contact and reasons. Only offices the directory or a curated record holds are named; where none
 * is on record the answer says so and what serves instead.
 */
import type { Knowledge } from "../knowledge/knowledge-type.js";
import { bilateralName, capitalise, stateName } from "./office-titles.js";
import { norm } from "../lookup/office-directory.js";
import { whoServes, type DirectoryOffice, type OfficeService, type Serving } from "../lookup/office-choice.js";

export interface OfficePart {
  title: string;
  city: string | null;
  /** The country the office is in (differs from the host when accredited from abroad). */
  country: string | null;
  operator: string | null;
  officeType: string | null;
  resident: boolean;
  contact: DirectoryOffice["contact"] | null;
  directory: { id: string; source: string; asOf: string } | null;
  protectingPower: string | null;
  reasons: string[];
  caveats: string[];
  sources: { title: string; url: string; asOf: string }[];
  /** A summary of its own where the rule's ("Go to {title}") would not read right. */
  summary: string | null;
  serving: Serving["kind"];
}

/** An office's name from its record: its own name where curated, else its type, state and place. */
export function officeTitle(k: Knowledge, o: DirectoryOffice): string {
  if (o.name) return o.name;
  const state = stateName(k, o.operator);
  const where = o.city ?? stateName(k, o.host);
  switch (o.type) {
    case "embassy":
    case "high-commission":
    case "nunciature": {
      const b = bilateralName(k, o.operator, o.host, o.city);
      if (o.type === "high-commission" && b.kind === "embassy")
        return `High Commission of ${state} in ${stateName(k, o.host)}`;
      return b.title;
    }
    case "consulate-general":
      return `Consulate-General of ${state} in ${where}`;
    case "consulate":
      return `Consulate of ${state} in ${where}`;
    case "honorary-consulate":
      return `Honorary Consulate of ${state} in ${where}`;
    case "interests-section":
      return `Interests Section of ${state} in ${where}`;
    case "trade-office":
      return o.operator === "TW" ? bilateralName(k, "TW", o.host, o.city).title : `Office of ${state} in ${where}`;
    default:
      return `Office of ${state} in ${where}`;
  }
}

function directoryRef(o: DirectoryOffice): { id: string; source: string; asOf: string } {
  return { id: o.id, source: o.source, asOf: o.asOf };
}

function sourceOf(k: Knowledge, o: DirectoryOffice): { title: string; url: string; asOf: string } {
  if (o.source === "Wikidata") {
    return {
      title: `${k.officesMeta.title} (Wikidata ${o.id})`,
      url: `https://www.wikidata.org/wiki/${o.id}`,
      asOf: o.asOf,
    };
  }
  return { title: "Curated office record", url: o.source, asOf: o.asOf };
}

function cityLine(k: Knowledge, names: DirectoryOffice[]): string {
  const cities = [...new Set(names.map((o) => o.city).filter((c): c is string => c !== null))];
  return cities.slice(0, 5).join(", ") + (cities.length > 5 ? `, and ${cities.length - 5} more` : "");
}

/**
 * The office that serves a person: `of`'s office in `host` for `service`, in their city where one
 * is, else at the seat; else what serves instead. Null when either state is unknown.
 */
export function officePart(
  k: Knowledge,
  of: string,
  host: string,
  city: string | null,
  service: OfficeService,
): OfficePart {
  const query = { of, host, city, service };
  const dir = {
    byPair: k.officesByPair,
    accredited: k.officesAccredited,
    pointOf: (h: string, c: string) => k.cityPoints.get(`${h}|${norm(c)}`),
  };
  let served = whoServes(dir, k.arrangements, query);
  // Only where the person's city has no office is its position needed (to find the nearest one).
  if (city && served.kind === "own" && served.choice.why !== "in-city") {
    const point = k.cityPoints.get(`${host}|${norm(city)}`);
    if (point) served = whoServes(dir, k.arrangements, { ...query, at: { lat: point[0], lon: point[1] } });
  }
  const state = stateName(k, of);
  const hostName = stateName(k, host);
  const base = {
    resident: true,
    protectingPower: null,
    reasons: [] as string[],
    caveats: [] as string[],
    sources: [] as OfficePart["sources"],
    summary: null,
    serving: served.kind,
  };
  const officeFields = (o: DirectoryOffice) => ({
    title: officeTitle(k, o),
    city: o.city,
    country: o.host,
    operator: o.operator,
    officeType: o.type,
    contact: Object.keys(o.contact).length > 0 ? o.contact : null,
    directory: directoryRef(o),
  });
  switch (served.kind) {
    case "own": {
      const { office, why, nearer, others } = served.choice;
      const part: OfficePart = { ...base, ...officeFields(office) };
      part.sources.push(sourceOf(k, office));
      if (why === "in-city") part.reasons.push(`It is ${state}'s office in your city, ${office.city}.`);
      if (why === "nearest")
        part.reasons.push(
          `It is the nearest office of ${state} to ${city} on record; consular districts decide which office serves a city, so check before you travel.`,
        );
      if (nearer) part.reasons.push(`${officeTitle(k, nearer)} is ${state}'s embassy.`);
      // The directory is incomplete: an office in the person's own city may be missing from it.
      if (city && why !== "in-city" && service !== "bilateral") {
        part.caveats.push(
          `Not every consulate of ${state} is on record here: one in or nearer to ${city} may serve you — check ${state}'s list of its offices in ${hostName}.`,
        );
      }
      if (others.some((o) => o.city !== null && o.city !== office.city))
        part.reasons.push(`${capitalise(state)} also has offices in ${hostName}: ${cityLine(k, others)}.`);
      return part;
    }
    case "protecting-power": {
      const r = served.record;
      const part: OfficePart = {
        ...base,
        title: r.office,
        city: r.city,
        country: host,
        operator: r.protectingPower,
        officeType: served.office?.type ?? "interests-section",
        contact: served.office && Object.keys(served.office.contact).length > 0 ? served.office.contact : null,
        directory: served.office ? directoryRef(served.office) : null,
        protectingPower: r.protectingPower,
      };
      return part;
    }
    case "shared": {
      const o = served.choice.office;
      const part: OfficePart = { ...base, ...officeFields(o) };
      part.reasons.push(
        `No resident office of ${state} in ${hostName} that does this is on record; ${stateName(k, served.by)}'s offices serve citizens of ${state} there (${served.record.name}).`,
      );
      if (served.record.caveat) part.caveats.push(served.record.caveat);
      part.sources.push(sourceOf(k, o));
      return part;
    }
    case "accredited": {
      const o = served.office;
      const part: OfficePart = { ...base, ...officeFields(o), resident: false };
      const local = served.notServing[0];
      part.reasons.push(
        local
          ? `${officeTitle(k, local)} does not offer this; ${officeTitle(k, o)}, in ${o.city ?? stateName(k, o.host)}, serves ${hostName} for it.`
          : `No resident embassy or consulate of ${state} in ${hostName} is on record; ${officeTitle(k, o)}, in ${o.city ?? stateName(k, o.host)}, is accredited to ${hostName}.`,
      );
      part.sources.push(sourceOf(k, o));
      return part;
    }
    case "none": {
      const consular = service !== "bilateral";
      const kind = consular ? "embassy or consulate" : "embassy";
      let title: string;
      let summary: string;
      const reasons: string[] = [];
      if (served.reason === "no-relations") {
        title = `No ${kind} of ${state} in ${hostName}: no diplomatic relations`;
        summary = `${capitalise(state)} and ${hostName} have no diplomatic relations, so there is no ${kind} of ${state} there. Ask ${state}'s foreign ministry which office helps its citizens in ${hostName}.`;
        if (served.noRelations?.note) reasons.push(served.noRelations.note);
      } else if (served.reason === "closed") {
        title = `${capitalise(state)}'s ${kind} in ${hostName} is closed`;
        summary = `${capitalise(state)}'s offices in ${hostName} are closed or suspended. Ask ${state}'s foreign ministry which office serves its citizens there.`;
        for (const c of served.closures) if (c.note) reasons.push(c.note);
      } else {
        title = `No resident ${kind} of ${state} in ${hostName} on record`;
        summary = `No resident ${kind} of ${state} in ${hostName} is on record here. Ask ${state}'s foreign ministry which of its offices is accredited to ${hostName}.`;
        reasons.push(
          `The office directory holds no ${kind} of ${state} in ${hostName} that offers this; it is incomplete, so check with ${state}'s foreign ministry.`,
        );
      }
      if (served.honorary) {
        reasons.push(
          `${officeTitle(k, served.honorary)} is on record; honorary consuls offer limited help and usually no passports.`,
        );
      }
      if (served.notServing.some((o) => o.city !== null)) {
        reasons.push(
          `${capitalise(state)}'s offices in ${cityLine(k, served.notServing)} do not offer this, as far as is on record.`,
        );
      }
      return {
        ...base,
        title,
        city: null,
        country: host,
        operator: null,
        officeType: null,
        resident: false,
        contact: null,
        directory: null,
        reasons,
        summary,
      };
    }
  }
}
