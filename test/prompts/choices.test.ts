/** The lists behind the questions: every value they give resolves, and every need can be reached. */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { findPlace, resolveCountry, resolveOrg, resolvePlace } from "../../src/engine/lookup/resolve-names.js";
import {
  canonicalText,
  countryLines,
  factsFor,
  isHint,
  needLines,
  orgLines,
  placeLines,
  questionFor,
  type Line,
  type Option,
} from "../../src/engine/lookup/prompt-suggestions.js";
import { K } from "../support/knowledge.js";

function options<V>(lines: Line<V>[]): Option<V>[] {
  return lines.filter((l): l is Option<V> => !isHint(l));
}

describe("needs", () => {
  it("every need picked from the list is answered as that need", () => {
    for (const { need } of K.needs) {
      const a = classify(K, canonicalText(K, need.id));
      expect(a.need?.id, need.id).toBe(need.id);
    }
  });

  it("lists the need classify picks first, as classify would", () => {
    for (const text of ["I lost my passport", "visa for Japan", "raise a WTO dispute", "apostille"]) {
      const first = options(needLines(K, text))[0]!;
      expect(first.value.need).toBe(classify(K, text).need?.id);
    }
  });

  it("ends with the words as typed", () => {
    const last = options(needLines(K, "lost my passport")).at(-1)!;
    expect(last.value).toEqual({ text: "lost my passport", need: null });
  });
});

describe("the questions each need asks", () => {
  it.each([
    ["passport-lost", ["citizen", "in"]],
    ["visa-tourist", ["in", "to"]],
    ["consular-legalisation", ["to"]],
    ["wto-dispute", ["citizen"]],
    ["state-at-organization", ["citizen", "org"]],
    ["trade-investment", ["citizen"]],
    ["apostille", ["citizen"]],
    ["asylum", ["in"]],
    ["un-jobs", []],
    ["lost-luggage", []],
  ])("%s asks for %j", (id, facts) => {
    expect(factsFor(K, id)).toEqual(facts);
  });

  it("words each question for the need", () => {
    expect(questionFor(K, "citizen", "passport-lost")).toBe("Which passport do you hold?");
    expect(questionFor(K, "citizen", "apostille")).toBe("Which country issued the document?");
    expect(questionFor(K, "citizen", "wto-dispute")).toBe("Which country do you act for?");
    expect(questionFor(K, "to", "visa-tourist")).toBe("Which country are you going to?");
  });
});

describe("places and countries", () => {
  it("every country offered resolves to itself as citizenship and as a place", () => {
    for (const c of K.countries.values()) {
      const [first] = options<string>(countryLines(K, c.code));
      expect(first?.value, c.code).toBe(c.code);
      expect(resolveCountry(K, first!.value).code).toBe(c.code);
      expect(resolvePlace(K, c.code).country, c.code).toBe(c.code);
    }
  });

  it("every city offered resolves back to that city", () => {
    for (const city of K.cities.values()) {
      const option = options<string>(placeLines(K, city.name)).find((o) => o.value === city.name);
      expect(option, city.id).toBeDefined();
      expect(findPlace(K, option!.value)?.cityId, city.id).toBe(city.id);
    }
  });

  it("finds places by local and foreign names, showing the name typed", () => {
    expect(options<string>(placeLines(K, "Genf"))[0]).toMatchObject({ value: "Geneva", short: "Geneva, Switzerland" });
    expect(options<string>(countryLines(K, "Suisse"))[0]).toMatchObject({ value: "CH", name: "Switzerland (Suisse)" });
    expect(options<string>(countryLines(K, "united")).map((o) => o.value)).toEqual(
      expect.arrayContaining(["GB", "US", "AE"]),
    );
  });

  it("does not offer a near name when the typed one exists", () => {
    expect(options<string>(countryLines(K, "Canadian")).map((o) => o.value)).toEqual(["CA"]);
  });

  it("puts the prefill first", () => {
    const [first] = options<string>(placeLines(K, "", { value: "Geneva", from: "from your words" }));
    expect(first).toMatchObject({ value: "Geneva", name: "Geneva, Switzerland (from your words)" });
  });
});

describe("organizations", () => {
  it("every organization offered resolves to itself", () => {
    for (const o of K.orgs.values()) {
      const first = options<string>(orgLines(K, o.acronym))[0];
      expect(first?.value, o.id).toBe(o.id);
      expect(resolveOrg(K, first!.value).id).toBe(o.id);
    }
  });
});
