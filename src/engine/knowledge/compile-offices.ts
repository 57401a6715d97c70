/**
 * The office directory as the engine reads it, and what serves a state's citizens where it has no
 * office of its own: protecting powers, closures, states without relations, consular sharing.
 */
import {
  compactOffice,
  compileDirectory,
  ExpandingMap,
  expandOffice,
  norm,
  readOffices,
  type CompactOffice,
} from "../lookup/office-directory.js";
import { pairKey, type ClosureRecord } from "../lookup/office-choice.js";
import type { Knowledge } from "./knowledge-type.js";
import type { DefineIndex } from "./lazy-index.js";

/** The office directory's views, embassy seats and the arrangements that stand in for offices. */
export function defineOfficeIndexes(k: Knowledge, lazy: DefineIndex): void {
  const data = k.data;
  lazy("protecting", () => {
    const active = data["protecting-powers"].arrangements.filter((a) => a.status === "active");
    return new Map(active.map((a) => [`${a.protected}>${a.in}`, a]));
  });
  // --- the office directory and what serves where a state has no office ---
  let directory: ReturnType<typeof compileDirectory> | null = null;
  const officeDirectory = (): ReturnType<typeof compileDirectory> => {
    if (directory) return directory;
    const c = data["office-corrections"];
    return (directory = compileDirectory(readOffices(data.offices), c, data["embassy-seats"].seats));
  };
  // The build cache keeps the directory compact (officeRecords, officeCoverage, officesMeta); the
  // engine reads full offices through views over them.
  lazy("officesMeta", () => ({
    title: data.offices.source.title,
    snapshotDate: data.offices.source.snapshotDate ?? data.offices.asOf,
  }));
  lazy("officeRecords", () => {
    const asOf = k.officesMeta.snapshotDate;
    const m = new Map<string, CompactOffice[]>();
    for (const [key, list] of officeDirectory().byPair)
      m.set(
        key,
        list.map((o) => compactOffice(o, asOf)),
      );
    return m;
  });
  lazy("officeCoverage", () => {
    const m = new Map<string, string[]>();
    for (const [key, list] of officeDirectory().accredited) m.set(key, [...new Set(list.map((o) => o.host))].sort());
    return m;
  });
  lazy(
    "officesByPair",
    () =>
      new ExpandingMap(k.officeRecords, (key, list: CompactOffice[]) =>
        list.map((c) => expandOffice(key, c, k.officesMeta.snapshotDate)),
      ),
  );
  lazy(
    "officesAccredited",
    () =>
      new ExpandingMap(k.officeCoverage, (key, hosts: string[]) => {
        // "operator>country" → the operator's offices in those hosts whose district covers the country.
        const [operator, country] = key.split(">");
        return hosts.flatMap((h) =>
          (k.officesByPair.get(`${operator}>${h}`) ?? []).filter((o) => o.covers.includes(country!)),
        );
      }),
  );
  lazy("cityPoints", () => {
    // Where a city is: the world cities' positions, most populous of a name first; then, for
    // places they lack (districts, small towns), the offices recorded there.
    const points = new Map<string, [number, number]>();
    for (const [name, country, , lat, lon] of data["world-cities"].cities) {
      const key = `${country}|${norm(name)}`;
      if (lat !== undefined && lon !== undefined && !points.has(key)) points.set(key, [lat, lon]);
    }
    for (const [key, p] of officeDirectory().cityPoints) if (!points.has(key)) points.set(key, p);
    return points;
  });
  lazy("arrangements", () => {
    const c = data["office-corrections"];
    const closures = new Map<string, ClosureRecord[]>();
    for (const x of c.closures) {
      if (x.status === "reopened") continue;
      const key = `${x.operator}>${x.host}`;
      const rec: ClosureRecord = {
        operator: x.operator,
        host: x.host,
        city: x.city,
        status: x.status,
        since: x.since,
        note: x.note ?? null,
      };
      closures.set(key, [...(closures.get(key) ?? []), rec]);
    }
    return {
      protecting: k.protecting,
      noRelations: new Map(
        data["no-relations"].pairs.map((p) => [
          pairKey(p.a, p.b),
          { a: p.a, b: p.b, since: p.since, note: p.note ?? null },
        ]),
      ),
      closures,
      sharing: data["consular-sharing"].arrangements.map((a) => ({
        id: a.id,
        name: a.name,
        served: a.served,
        by: a.by,
        where: a.where,
        alsoWhere: a.alsoWhere ?? [],
        caveat: a.caveat ?? null,
      })),
      eu: new Set(k.memberships.get("eu")?.members ?? []),
    };
  });
  lazy(
    "seats",
    () => new Map(data["embassy-seats"].seats.map((s) => [s.country, { city: s.city, capital: s.capital }])),
  );
}
