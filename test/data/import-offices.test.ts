/**
 * scripts/import-offices.mjs on a small CSV of awkward rows written in the real format
 * (test/fixtures/offices-sample.csv): districts for cities, missing coordinates, an unknown type,
 * a non-state operator, an operator without an ISO code, a quoted field holding ';', a literal
 * quote inside a field, a blank line, a duplicate, a malformed line, Unicode.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../../scripts/import-offices.mjs", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../fixtures/offices-sample.csv", import.meta.url));
const OFFICE_TYPES = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../data/office-types.json", import.meta.url)), "utf8"),
) as { officeTypes: { id: string }[] };
const COMMIT = "0123456789abcdef0123456789abcdef01234567";

interface Output {
  asOf: string;
  source: Record<string, string | null>;
  report: {
    rows: number;
    blankLines: number;
    imported: number;
    duplicatesMerged: number;
    unmapped: { total: number; byReason: Record<string, number> };
    cities: Record<string, number>;
    types: Record<string, number>;
    unmappedTypes: Record<string, number>;
    hostMovedToTerritory: Record<string, number>;
    hostFromCity: number;
    coordinatesDropped: number;
  };
  qidIso: Record<string, string>;
  columns: string[];
  rows: unknown[][];
}
type Office = Record<string, unknown>;

let dir: string;
const runImport = (out: string, extra: string[] = []) =>
  spawnSync(
    process.execPath,
    [SCRIPT, FIXTURE, "--out", out, "--commit", COMMIT, "--snapshot-date", "2022-11-16", ...extra],
    { encoding: "utf8", timeout: 60_000 },
  );

let result: ReturnType<typeof runImport>;
let output: Output;
let offices: Map<string, Office>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "import-offices-"));
  result = runImport(join(dir, "offices.json"));
  output = JSON.parse(readFileSync(join(dir, "offices.json"), "utf8")) as Output;
  // rows are written without their trailing nulls
  offices = new Map(
    output.rows.map((r) => {
      const o: Office = Object.fromEntries(output.columns.map((c, i) => [c, r[i] ?? null]));
      return [o.id as string, o];
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("import-offices", () => {
  it("runs and prints its report", () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("rows read: 19 (blank lines: 1)");
    expect(result.stdout).toContain("imported: 15 (duplicate rows merged: 1)");
    expect(result.stdout).toContain("cities: exact 9, metro 1, near 3, address 0, unmatched 2");
    expect(result.stdout).toContain("unmapped types (as other): hospital 1");
  });

  it("commits the report's counts to the metadata", () => {
    const r = output.report;
    expect(r.rows).toBe(19);
    expect(r.blankLines).toBe(1);
    expect(r.imported).toBe(15);
    expect(offices.size).toBe(15);
    expect(r.duplicatesMerged).toBe(1);
    expect(r.unmapped).toEqual({
      total: 3,
      byReason: {
        "malformed-line": 1,
        "operator-sovereign-military-order-of-malta": 1,
        "operator-sub-national": 1,
      },
    });
    expect(r.cities).toEqual({ exact: 9, metro: 1, near: 3, address: 0, none: 2 });
    expect(r.types).toEqual({
      consulate: 1,
      "consulate-general": 6,
      embassy: 5,
      "eu-delegation": 1,
      other: 1,
      "trade-office": 1,
    });
    expect(r.unmappedTypes).toEqual({ hospital: 1 });
    expect(r.hostMovedToTerritory).toEqual({ "CN>HK": 1 });
    expect(r.hostFromCity).toBe(1);
    expect(r.coordinatesDropped).toBe(0);
  });

  it("records the source, its licence and the snapshot date", () => {
    expect(output.asOf).toBe("2022-11-16");
    expect(output.source).toMatchObject({
      repository: "database-of-embassies/database-of-embassies",
      commit: COMMIT,
      licence: "CC0 1.0 (Wikidata)",
      snapshotDate: "2022-11-16",
    });
    expect(output.source.url).toContain(COMMIT);
    expect(output.qidIso).toMatchObject({ Q148: "CN", Q29999: "NL", Q865: "TW", Q219060: "PS", Q1246: "XK" });
    expect(output.qidIso).not.toHaveProperty("Q190353");
  });

  it("maps a district, a suburb or a street to the city people name, and keeps the locality", () => {
    expect(offices.get("Q9990001")).toMatchObject({
      operator: "AF",
      host: "BE",
      city: "Brussels",
      cityMatch: "near",
      locality: "Uccle",
      covers: ["BE", "LU"],
      email: "embassy@example.org",
      created: "2002-01-01",
    });
    expect(offices.get("Q9990002")).toMatchObject({
      operator: "AL",
      host: "CH",
      city: "Bern",
      cityMatch: "near",
      locality: "Muri bei Bern",
      lat: 46.9279,
      lon: 7.4812,
      covers: ["CH", "LI"],
    });
    expect(offices.get("Q9990012")).toMatchObject({
      city: "London",
      cityMatch: "metro",
      locality: "City of Westminster",
    });
    expect(offices.get("Q9990015")).toMatchObject({
      operator: "TW",
      host: "JP",
      city: "Tokyo",
      cityMatch: "near",
      locality: "Minato-ku",
      type: "trade-office",
      typeLabel: "de facto embassy",
    });
  });

  it("matches names exactly in the right country, Unicode and aliases included", () => {
    expect(offices.get("Q9990003")).toMatchObject({
      operator: "MX",
      host: "US",
      city: "Los Angeles",
      cityMatch: "exact",
      type: "consulate-general",
      lat: null,
      coversRegions: ["California"],
    });
    expect(offices.get("Q9990007")).toMatchObject({ operator: "FR", city: "Zurich", locality: "Zürich" });
    expect(offices.get("Q9990006")).toMatchObject({ city: "Bangalore", locality: "Bengaluru" });
    expect(offices.get("Q9990016")).toMatchObject({ operator: "ST", host: "PT", city: "Lisbon", locality: null });
  });

  it("keeps an unmatched place as written, and says so", () => {
    expect(offices.get("Q9990004")).toMatchObject({
      city: "Nowhereville",
      cityMatch: null,
      type: "consulate",
      coversRegions: ["Texas", "Oklahoma"],
    });
    expect(offices.get("Q9990019")).toMatchObject({ operator: "CL", host: "BO", city: null, cityMatch: null });
  });

  it("reads a quoted field holding ';' and keeps a literal quote", () => {
    expect(offices.get("Q9990005")).toMatchObject({
      operator: "IN",
      host: "AE",
      city: "Dubai",
      address: "Al Hamriya; Consulate Building, Dubai",
    });
    expect(offices.get("Q9990006")!.address).toBe('2nd floor, "Cash Pharmacy Building", Residency Road');
  });

  it("handles non-state operators, territories and a host given as the operator", () => {
    expect(offices.get("Q9990008")).toMatchObject({ operator: "EU", host: "CH", type: "eu-delegation" });
    expect(offices.has("Q9990009")).toBe(false); // Sovereign Military Order of Malta
    expect(offices.has("Q9990010")).toBe(false); // Quebec
    expect(offices.has("Q9990018")).toBe(false); // malformed line
    expect(offices.get("Q9990013")).toMatchObject({ operator: "AU", host: "HK", city: "Hong Kong" });
    expect(offices.get("Q9990014")).toMatchObject({ operator: "AU", host: "FR", city: "Paris" });
    expect(offices.get("Q9990011")).toMatchObject({ type: "other", typeLabel: "hospital", city: "Ottawa" });
  });

  it("uses only our office types, drops social links and pictures, and sorts its rows", () => {
    const ids = new Set([...OFFICE_TYPES.officeTypes.map((t) => t.id), "other"]);
    for (const o of offices.values()) expect(ids.has(o.type as string), String(o.type)).toBe(true);
    for (const c of ["facebook", "twitter", "youtube", "picture"]) expect(output.columns).not.toContain(c);
    expect(JSON.stringify(output.rows)).not.toContain("AfgEmbBE");
    const keys = output.rows.map((r) => `${String(r[1])} ${String(r[2])}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("gives byte-identical output for the same CSV", () => {
    const again = join(dir, "again.json");
    expect(runImport(again, ["--quiet"]).status).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(join(dir, "offices.json"), "utf8"));
  });

  it("refuses to run without a CSV", () => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage:");
  });
});
