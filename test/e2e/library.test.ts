/** The library entry point, as a user imports it: the built package, typed, without side effects. */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("import from mission-guide", () => {
  it("has no side effects on import and answers on first use", async () => {
    const sigint = process.listenerCount("SIGINT");
    const lib = await import("../../dist/index.js");
    expect(process.listenerCount("SIGINT")).toBe(sigint);
    const a = lib.classify("lost my passport", { citizen: "CA", in: "Geneva" });
    expect(a.answer?.title).toBe("Embassy of Canada in Switzerland");
    expect(lib.resolveCountry("Canadian").code).toBe("CA");
    expect(lib.resolvePlace("Genf")).toMatchObject({ country: "CH", city: "Geneva" });
    expect(lib.findHubs({ city: "Wien" })[0]!.organizations.map((o: { acronym: string }) => o.acronym)).toContain(
      "IAEA",
    );
    expect(lib.findOrgs({ org: "NATO" })[0]!.memberCount).toBe(32);
    expect(lib.listNeeds().length).toBeGreaterThanOrEqual(40);
    expect(() => lib.resolveCountry("Atlantis")).toThrow(lib.EngineError);
  });

  it("ships type declarations named by package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      exports: { ".": { types: string; import: string } };
    };
    const types = new URL(`../../${pkg.exports["."].types}`, import.meta.url);
    expect(existsSync(types)).toBe(true);
    const dts = readFileSync(types, "utf8");
    for (const name of ["classify", "resolveCountry", "resolvePlace", "findHubs", "findOrgs", "Answer"])
      expect(dts).toContain(name);
  });
});
