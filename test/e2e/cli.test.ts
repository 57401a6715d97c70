/** End-to-end: the built bin/mission-guide.js, its exit statuses, stdout JSON and stderr. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { json, run } from "../support/run.js";

interface Hubs {
  schemaVersion: number;
  hubs: { city: string; country: string; names: string[]; organizations: { acronym: string }[] }[];
}

describe("hubs", () => {
  it("lists Geneva's organizations, by any of its names", () => {
    for (const name of ["Geneva", "Genf", "Genève", "geneve"]) {
      const r = run(["hubs", "--city", name, "--json"]);
      expect(r.status).toBe(0);
      const doc = json<Hubs>(r);
      expect(doc.schemaVersion).toBe(1);
      expect(doc.hubs).toHaveLength(1);
      const acronyms = doc.hubs[0]!.organizations.map((o) => o.acronym);
      for (const a of ["WTO", "WHO", "ILO", "UNHCR", "UNOG"]) expect(acronyms).toContain(a);
    }
  });

  it("prints a table for people", () => {
    const r = run(["hubs", "--city", "Geneva"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("World Trade Organization");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("exits 2 with a suggestion for a misspelt city", () => {
    const r = run(["hubs", "--city", "Genva"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/Did you mean "Geneva"/);
    expect(r.stdout).toBe("");
  });

  it("answers --json errors with a JSON document on stdout too", () => {
    const r = run(["hubs", "--city", "Atlantis", "--json"]);
    expect(r.status).toBe(2);
    const doc = json<{ error: { code: string; message: string } }>(r);
    expect(doc.error.code).toBe("unknown-city");
  });
});

describe("classify", () => {
  it("answers the Canadian in Geneva", () => {
    const r = run(["classify", "I'm a Canadian in Geneva and lost my passport", "--json"]);
    expect(r.status).toBe(0);
    const a = json<{
      answer: { office: string; of: string; city: string; title: string };
      notThis: { title: string }[];
    }>(r);
    expect(a.answer).toMatchObject({ office: "embassy_or_consulate", of: "CA", city: "Bern" });
    expect(a.notThis[0]!.title).toMatch(/Permanent Mission of Canada/);
  });

  it("takes the words unquoted and flags anywhere", () => {
    const r = run(["classify", "--citizen", "US", "renew", "my", "passport", "--in", "New York", "--json"]);
    expect(r.status).toBe(0);
    expect(json<{ answer: { office: string } }>(r).answer.office).toBe("domestic_authority");
  });

  it("prints an answer card", () => {
    const r = run(["classify", "raise a WTO dispute", "--citizen", "CA"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Permanent Mission of Canada to the World Trade Organization");
    expect(r.stdout).toContain("Not this");
    expect(r.stdout).toContain("Rule: multilateral-mission");
  });

  it("shows the rule trace with --explain", () => {
    const r = run(["classify", "lost my passport", "--citizen", "CA", "--in", "CH", "--explain"]);
    expect(r.stdout).toContain("Rule trace");
    expect(r.stdout).toMatch(/✓ consular-abroad/);
  });

  it("exits 3 when no need is recognised", () => {
    const r = run(["classify", "purple elephants dance quietly", "--json"]);
    expect(r.status).toBe(3);
    const a = json<{ need: null; answer: null }>(r);
    expect(a.need).toBeNull();
    expect(a.answer).toBeNull();
    expect(r.stderr).toMatch(/no need recognised/);
  });

  it("exits 2 for an empty need, an unknown country and an unknown option", () => {
    for (const args of [
      ["classify", "   "],
      ["classify", "lost my passport", "--citizen", "Atlantis"],
      ["classify", "lost my passport", "--citizn", "CA"],
      ["clasify", "lost my passport"],
    ]) {
      const r = run(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it("escapes control characters echoed from the user's text", () => {
    const r = run(["classify", "zzz \u001b[31mred\u202e"]);
    expect(r.status).toBe(3);
    expect(r.stdout + r.stderr).not.toContain("\u001b[31m");
    expect(r.stdout + r.stderr).not.toContain("\u202e");
  });
});

describe("orgs, needs, explain, compare", () => {
  it("orgs NATO lists its 32 members", () => {
    const r = run(["orgs", "NATO", "--json"]);
    expect(r.status).toBe(0);
    const o = json<{ organizations: { memberCount: number; members: string[]; city: string }[] }>(r).organizations[0]!;
    expect(o.memberCount).toBe(32);
    expect(o.members).toContain("FI");
    expect(o.members).toContain("SE");
    expect(o.city).toBe("Brussels");
  });

  it("orgs --city Vienna includes the IAEA and the OSCE", () => {
    const r = run(["orgs", "--city", "Wien", "--json"]);
    const acr = json<{ organizations: { acronym: string }[] }>(r).organizations.map((o) => o.acronym);
    expect(acr).toEqual(expect.arrayContaining(["IAEA", "OSCE", "UNOV"]));
  });

  it("needs lists the catalogue", () => {
    const r = run(["needs", "--json"]);
    expect(r.status).toBe(0);
    expect(json<{ needs: unknown[] }>(r).needs.length).toBeGreaterThanOrEqual(40);
    expect(run(["needs", "--category", "multilatral"]).status).toBe(2);
  });

  it("explain and compare describe office types", () => {
    const e = run(["explain", "permanent-mission"]);
    expect(e.status).toBe(0);
    expect(e.stdout).toMatch(/Does not/);
    const c = run(["compare"]);
    expect(c.status).toBe(0);
    expect(c.stdout).toMatch(/Embassy/);
    expect(c.stdout).toMatch(/Permanent Mission/i);
    expect(run(["explain", "embasy"]).status).toBe(2);
  });
});

describe("the program", () => {
  it("prints version and help that leads with examples", () => {
    expect(run(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = run(["--help"]);
    expect(h.status).toBe(0);
    expect(h.stdout.trimStart().startsWith("Examples:")).toBe(true);
    const hc = run(["help", "classify"]);
    expect(hc.status).toBe(0);
    expect(hc.stdout.trimStart().startsWith("Examples:")).toBe(true);
  });

  it("ends quietly when its reader goes away", () => {
    const r = spawnShell(`node "${process.cwd()}/bin/mission-guide.js" needs | head -1`);
    expect(r.stderr).toBe("");
  });
});

function spawnShell(cmd: string): { stdout: string; stderr: string } {
  const r = spawnSync("bash", ["-c", cmd], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { stdout: r.stdout, stderr: r.stderr };
}

describe("the earlier executable, bin/mission-guide.js", () => {
  it("still runs the program, for links made to it by earlier installs", () => {
    const old = new URL("../../bin/mission-guide.js", import.meta.url).pathname;
    const r = spawnSync(process.execPath, [old, "hubs", "--city", "Geneva", "--json"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(json<Hubs>({ status: r.status, stdout: r.stdout, stderr: r.stderr }).hubs[0]!.city).toBe("Geneva");
  });
});
