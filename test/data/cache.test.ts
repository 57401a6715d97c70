/** The build-time index cache (dist/cache) holds exactly what compiling the bundled data gives. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataFingerprint } from "../../src/data/knowledge.js";
import { bundledData } from "../../src/data/load.js";
import { classify } from "../../src/engine/classify.js";
import { CACHED_INDEXES, compile, exportIndexes } from "../../src/engine/knowledge.js";

const dir = new URL("../../dist/cache/", import.meta.url);

describe("index cache", () => {
  it("was built from the data that is here", () => {
    expect(readFileSync(new URL("fingerprint.txt", dir), "utf8")).toBe(dataFingerprint());
  });

  it("equals a fresh compilation, index by index", () => {
    const fresh = exportIndexes(compile(bundledData()));
    for (const key of CACHED_INDEXES) {
      const cached: unknown = JSON.parse(readFileSync(new URL(`${key}.json`, dir), "utf8"));
      expect(cached, key).toEqual(JSON.parse(JSON.stringify(fresh[key])));
    }
  });

  it("gives the same answers as no cache", () => {
    const cache = { get: (key: string) => JSON.parse(readFileSync(new URL(`${key}.json`, dir), "utf8")) as unknown };
    const a = compile(bundledData(), cache);
    const b = compile(bundledData());
    for (const t of [
      "I'm a Canadian in Genf and lost my pasport",
      "Visum für Japan, ich wohne in Wien",
      "raise a WTO dispute",
    ]) {
      const { trace: _a, ...x } = classify(a, t);
      const { trace: _b, ...y } = classify(b, t);
      expect(x).toEqual(y);
    }
  });
});
