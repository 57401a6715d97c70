/** The examples for the knowledge commands, run on the built binary. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, run } from "../support/run.js";

/** A data overlay folder holding one embassy seat, dated asOf. */
function seatsOverlay(seat: { country: string; city: string; capital: string; title: string; asOf: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "mg-overlay-"));
  const { title, asOf, ...place } = seat;
  const record = { ...place, source: { title, url: "https://example.org" }, asOf };
  writeFileSync(join(dir, "embassy-seats.json"), JSON.stringify({ asOf, seats: [record] }));
  return dir;
}

interface Missions {
  country: string;
  missions: { org: string; title: string; city: string; country: string; status: string }[];
}
interface Orgs {
  organizations: { memberCount: number; members: string[]; observers: string[] }[];
}

describe("orgs and missions", () => {
  it("orgs NATO: 32 members; orgs UN: 193 and the two observers apart", () => {
    expect(json<Orgs>(run(["orgs", "NATO", "--json"])).organizations[0]!.memberCount).toBe(32);
    const un = json<Orgs>(run(["orgs", "UN", "--json"])).organizations[0]!;
    expect(un.memberCount).toBe(193);
    expect(un.members).toHaveLength(193);
    expect(un.observers.sort()).toEqual(["PS", "VA"]);
    expect(un.members).not.toContain("VA");
  });

  it("missions of France, Norway and the Holy See", () => {
    const fr = json<Missions>(run(["missions", "--country", "FR", "--json"]));
    expect(fr.missions.find((m) => m.org === "EU")?.title).toBe(
      "Permanent Representation of France to the European Union",
    );
    const no = json<Missions>(run(["missions", "--country", "Norway", "--json"]));
    expect(no.missions.find((m) => m.org === "EU")).toMatchObject({ title: "Mission of Norway to the European Union" });
    const va = json<Missions>(run(["missions", "--country", "VA", "--json"]));
    expect(va.missions.find((m) => m.org === "UN")).toMatchObject({
      title: "Permanent Observer Mission of the Holy See to the United Nations",
      status: "observer",
      city: "New York",
    });
  });

  it("missions needs a country, and tells a non-member so", () => {
    expect(run(["missions"]).status).toBe(2);
    const r = run(["missions", "--country", "BR", "--org", "NATO"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/not a member/);
  });
});

describe("classify applies the knowledge", () => {
  const answer = (args: string[]) =>
    json<{ answer: { title: string; city: string; office: string; of: string } }>(run(args)).answer;
  it("High Commission, The Hague, protecting power, apostille and legalisation", () => {
    expect(answer(["classify", "lost my passport", "--citizen", "GB", "--in", "CA", "--json"])).toMatchObject({
      title: "British High Commission Ottawa",
      city: "Ottawa",
    });
    expect(answer(["classify", "lost my passport", "--citizen", "FR", "--in", "NL", "--json"]).city).toBe("The Hague");
    expect(answer(["classify", "lost my passport", "--citizen", "US", "--in", "IR", "--json"]).title).toMatch(
      /Switzerland/,
    );
    expect(
      answer(["classify", "apostille for my birth certificate", "--citizen", "DE", "--to", "FR", "--json"]),
    ).toMatchObject({
      office: "domestic_authority",
      of: "DE",
    });
    expect(
      answer(["classify", "apostille for my birth certificate", "--citizen", "DE", "--to", "AE", "--json"]),
    ).toMatchObject({
      office: "embassy_or_consulate",
      of: "AE",
    });
  });
});

describe("data", () => {
  it("lists every file with its date and counts", () => {
    const r = run(["data", "--json"]);
    expect(r.status).toBe(0);
    const d = json<{ files: { file: string; records: number; oldest: string }[] }>(r);
    expect(d.files.map((f) => f.file)).toContain("memberships.json");
    for (const f of d.files) expect(f.records).toBeGreaterThan(0);
  });

  it("--check passes on the bundle and rejects a bad overlay whole", () => {
    expect(run(["data", "--check"]).status).toBe(0);
    const dir = seatsOverlay({ country: "ZZ", city: "X", capital: "Y", title: "t", asOf: "2026-11-27" });
    const r = run(["data", "--check", "--data", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/embassy-seats\.json at seats\.0\.country: unknown country "ZZ"/);
    const c = run(["classify", "lost my passport", "--citizen", "FR", "--in", "NL", "--data", dir]);
    expect(c.status).toBe(2);
  });

  it("a valid overlay changes the answer", () => {
    const dir = seatsOverlay({
      country: "NL",
      city: "Amsterdam",
      capital: "Amsterdam",
      title: "test",
      asOf: "2026-11-27",
    });
    const a = json<{ answer: { city: string } }>(
      run(["classify", "lost my passport", "--in", "NL", "--data", dir, "--json"]),
    );
    // Without a citizenship no office is named, and the seat rule places the embassies.
    expect(a.answer.city).toBe("Amsterdam");
  });

  it("warns when facts are older than --max-age", () => {
    const dir = seatsOverlay({
      country: "NL",
      city: "The Hague",
      capital: "Amsterdam",
      title: "old",
      asOf: "2020-01-01",
    });
    const r = run(["data", "--check", "--data", dir, "--max-age", "365"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: embassy-seats\.json has facts last checked on 2020-01-01/);
    expect(run(["data", "--max-age", "soon"]).status).toBe(2);
  });
});
