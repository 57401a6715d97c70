/** `data`: where the knowledge comes from, how fresh it is, and whether a data set is valid. */
import { FILE_NAMES, type FileName } from "../../model/vocabularies.js";
import { bundledData } from "../../store/data-files.js";
import type { FileData } from "../../model/data-schemas.js";
import type { DirectorySummary, FileSummary } from "../../model/output-schemas.js";
import { DataError, UsageError } from "../cli-errors.js";
import { err, out, outJson } from "../output.js";
import { table, widths } from "../renderers/table.js";
import { width, type GlobalOptions } from "./command-context.js";

export interface DataFlags extends GlobalOptions {
  check?: boolean;
  maxAge?: string;
}

/** Lists, by file: the records (the arrays that hold them) and their sources and dates. */
const RECORDS: Record<FileName, (d: FileData) => { asOf: string; source?: { url: string } }[]> = {
  countries: (d) => d.countries.countries.map(() => ({ asOf: d.countries.asOf, source: d.countries.source })),
  "country-extras": (d) => d["country-extras"].countries,
  cities: (d) => d.cities.cities,
  organizations: (d) => d.organizations.organizations,
  "office-types": (d) => d["office-types"].officeTypes,
  lexicon: (d) => d.lexicon.concepts.map(() => ({ asOf: d.lexicon.asOf, source: d.lexicon.source })),
  needs: (d) => d.needs.needs,
  rules: (d) => d.rules.rules,
  "embassy-seats": (d) => d["embassy-seats"].seats,
  memberships: (d) => [...d.memberships.lists, ...d.memberships.lists.flatMap((l) => l.changes ?? [])],
  "mission-naming": (d) => [
    ...d["mission-naming"].orgStyles,
    ...d["mission-naming"].observerStyles,
    ...d["mission-naming"].nonMemberStyles,
    ...d["mission-naming"].bilateral,
    ...d["mission-naming"].stateOverrides,
    ...(d["mission-naming"].nonMemberOffices ?? []),
    ...(d["mission-naming"].holySeeRepresentation ?? []),
    ...(d["mission-naming"].taiwanAllies ? [d["mission-naming"].taiwanAllies] : []),
    ...(d["mission-naming"].orgConventions ?? []),
  ],
  "protecting-powers": (d) => d["protecting-powers"].arrangements,
  "world-cities": (d) =>
    d["world-cities"].cities.map(() => ({ asOf: d["world-cities"].asOf, source: d["world-cities"].source })),
  offices: (d) => d.offices.rows.map(() => ({ asOf: d.offices.asOf, source: d.offices.source })),
  "office-corrections": (d) => [
    ...d["office-corrections"].closures,
    ...d["office-corrections"].serviceExceptions,
    ...d["office-corrections"].seats,
    ...d["office-corrections"].additions,
  ],
  "no-relations": (d) => d["no-relations"].pairs,
  "consular-sharing": (d) => d["consular-sharing"].arrangements,
};

function daysBetween(a: string, b: Date): number {
  return Math.floor((b.getTime() - new Date(`${a}T00:00:00Z`).getTime()) / 86_400_000);
}

export function summarise(d: FileData, maxAgeDays: number, today = new Date()): FileSummary[] {
  return FILE_NAMES.map((name) => {
    const recs = RECORDS[name](d);
    const dates = recs.map((r) => r.asOf).sort();
    const oldest = dates[0] ?? "";
    return {
      file: `${name}.json`,
      records: recs.length,
      sources: new Set(recs.map((r) => r.source?.url).filter(Boolean)).size,
      oldest,
      newest: dates.at(-1) ?? "",
      stale: oldest !== "" && daysBetween(oldest, today) > maxAgeDays,
    };
  });
}

/** The office directory's provenance: its snapshot is older than the file, and some rows were left out. */
export function directorySummary(d: FileData): DirectorySummary {
  const o = d.offices;
  const c = d["office-corrections"];
  return {
    offices: o.rows.length,
    sourceRows: o.report.rows,
    unmapped: o.report.unmapped.total,
    unmappedByReason: o.report.unmapped.byReason,
    snapshotDate: o.source.snapshotDate,
    licence: o.source.licence,
    source: { title: o.source.title, url: o.source.url },
    corrections: c.closures.length + c.serviceExceptions.length + c.seats.length + c.additions.length,
  };
}

export async function run(flags: DataFlags): Promise<number> {
  const maxAge = flags.maxAge === undefined ? 365 : Number(flags.maxAge);
  if (!Number.isInteger(maxAge) || maxAge < 0) {
    throw new UsageError(`--max-age takes a whole number of days, not ${JSON.stringify(flags.maxAge)}`, "bad-max-age");
  }
  if (flags.check || flags.data !== undefined) {
    const { validateData } = await import("../../store/overlay-validation.js");
    let v;
    try {
      v = validateData(flags.data);
    } catch (e) {
      if (e instanceof Error && "file" in e) throw new DataError(`Invalid data: ${e.message}`);
      throw e;
    }
    if (v.problems.length > 0) {
      if (flags.json) outJson({ schemaVersion: 1, valid: false, problems: v.problems });
      for (const p of v.problems.slice(0, 50)) err(`${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.reason}`);
      if (v.problems.length > 50) err(`... and ${v.problems.length - 50} more`);
      throw new DataError(
        `${v.problems.length} problem${v.problems.length === 1 ? "" : "s"} found${flags.data ? `; nothing from ${flags.data} was used` : ""}.`,
        "invalid-data",
      );
    }
    const files = summarise(v.data!, maxAge);
    if (flags.json) {
      outJson({ schemaVersion: 1, valid: true, overlay: flags.data ?? null, overlaid: v.overlaid, files });
    } else {
      out(
        `Valid: ${FILE_NAMES.length} files${flags.data ? ` (${v.overlaid.length} from ${flags.data}: ${v.overlaid.join(", ") || "none"})` : ""}.`,
      );
    }
    warnStale(files, maxAge);
    return 0;
  }
  const d = bundledData();
  const files = summarise(d, maxAge);
  if (flags.json) {
    outJson({ schemaVersion: 1, package: d.countries.package, files, directory: directorySummary(d) });
  } else {
    out(
      await table(
        ["File", "Records", "Sources", "Oldest as-of", "Newest as-of"],
        files.map((f) => [
          f.file,
          String(f.records),
          String(f.sources),
          f.oldest + (f.stale ? " (old)" : ""),
          f.newest,
        ]),
        widths(width(), [3, 1, 1, 2, 2]),
      ),
    );
    const dir = directorySummary(d);
    out(
      `Offices: ${dir.offices} from ${dir.source.title}; licence ${dir.licence}; snapshot of ${dir.snapshotDate ?? "unknown date"}; ` +
        `${dir.unmapped} of its ${dir.sourceRows} rows not imported; ${dir.corrections} curated corrections.`,
    );
    out(`Countries from ${d.countries.package}. Check a correction with: mission-guide data --check --data DIR`);
  }
  warnStale(files, maxAge);
  return 0;
}

function warnStale(files: FileSummary[], maxAge: number): void {
  for (const f of files.filter((x) => x.stale)) {
    err(`warning: ${f.file} has facts last checked on ${f.oldest}, more than ${maxAge} days ago.`);
  }
}
