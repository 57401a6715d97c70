/** The build-time index cache (dist/cache) holds exactly what compiling the bundled data gives. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type IndexManifest } from "../../src/store/knowledge-store.js";
import { bundledData } from "../../src/store/data-files.js";
import { classify } from "../../src/engine/answer/classify-need.js";
import { compile } from "../../src/engine/knowledge/compile-knowledge.js";
import { CACHED_INDEXES, type CachedIndex } from "../../src/engine/knowledge/knowledge-type.js";
import { exportIndexes, readIndexFile, revive } from "../../src/store/index-cache-format.js";
import { dataFilePath } from "../../src/model/vocabularies.js";

const dir = new URL("../../dist/cache/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("index.json", dir), "utf8")) as IndexManifest;
const cached = (key: CachedIndex): unknown => {
  const name = manifest.files[key]!;
  return readIndexFile(name, readFileSync(new URL(name, dir), "utf8"));
};

describe("index cache", () => {
  it("was built from the data that is here, and says from which files", () => {
    for (const file of new Set(Object.values(manifest.builtFrom).flat()))
      expect(readFileSync(new URL(`data/${file}.json`, dir), "utf8"), file).toBe(
        readFileSync(new URL(`../../data/${dataFilePath(file)}`, import.meta.url), "utf8"),
      );
    expect(manifest.builtFrom.cityNames).toEqual(["cities"]);
    expect(manifest.builtFrom.worldCityNames).toContain("world-cities");
  });

  it("names a file for every index, and the big name indexes are plain lines", () => {
    expect(Object.keys(manifest.files).sort()).toEqual([...CACHED_INDEXES].sort());
    for (const key of ["countryNames", "worldCityNames", "wordOwners"] as const)
      expect(manifest.files[key], key).toMatch(/\.txt$/);
  });

  it("equals a fresh compilation, index by index", () => {
    const fresh = exportIndexes(compile(bundledData()));
    for (const key of CACHED_INDEXES) expect(cached(key), key).toEqual(JSON.parse(JSON.stringify(fresh[key])));
  });

  it("gives the same answers as no cache", () => {
    const a = compile(bundledData(), { get: (key) => revive(cached(key)) });
    const b = compile(bundledData());
    for (const t of [
      "I'm a Canadian in Genf and lost my pasport",
      "Visum für Japan, ich wohne in Wien",
      "raise a WTO dispute",
      "we export cheese from Normandy to Kuwait",
      "my son was born in Lyon, we are from Porto Alegre",
    ]) {
      const { trace: _a, ...x } = classify(a, t);
      const { trace: _b, ...y } = classify(b, t);
      expect(x).toEqual(y);
    }
  });
});
