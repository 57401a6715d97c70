/**
 * Cross-reference checks over a whole data set: unique ids and every reference resolving.
 * Returns problems rather than throwing, so `data --check` can list them all.
 */
import { fold } from "../engine/text/fold.js";
import { termWords } from "../engine/knowledge/compile-knowledge.js";
import { REQUIRED_LANGS, type FileData } from "../model/data-schemas.js";

export interface Problem {
  file: string;
  path: string;
  reason: string;
}

function dupes<T>(items: T[], key: (t: T) => string, file: string, path: string, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push({ file, path: `${path}.${i}`, reason: `duplicate id "${k}"` });
    seen.add(k);
  });
  return seen;
}

export function crossCheck(d: FileData, label: (name: string) => string = (n) => `data/${n}.json`): Problem[] {
  const out: Problem[] = [];
  const countries = dupes(d.countries.countries, (c) => c.code, label("countries"), "countries", out);
  const concepts = dupes(d.lexicon.concepts, (c) => c.id, label("lexicon"), "concepts", out);
  const orgs = dupes(d.organizations.organizations, (o) => o.id, label("organizations"), "organizations", out);
  const cities = dupes(d.cities.cities, (c) => c.id, label("cities"), "cities", out);
  dupes(d["office-types"].officeTypes, (t) => t.id, label("office-types"), "officeTypes", out);
  dupes(d.rules.rules, (r) => r.id, label("rules"), "rules", out);
  dupes(d.needs.needs, (n) => n.id, label("needs"), "needs", out);
  dupes(d["country-extras"].countries, (c) => c.code, label("country-extras"), "countries", out);

  const cityCountry = new Map(d.cities.cities.map((c) => [c.id, c.country]));
  /** Every country code a file refers to must be a country of the package. */
  const knownCountry = (file: string, path: string, code: string): void => {
    if (!countries.has(code)) out.push({ file: label(file), path, reason: `unknown country "${code}"` });
  };
  d.cities.cities.forEach((c, i) => knownCountry("cities", `cities.${i}.country`, c.country));
  d.organizations.organizations.forEach((o, i) => {
    const at = `organizations.${i}`;
    if (!cities.has(o.city))
      out.push({ file: label("organizations"), path: `${at}.city`, reason: `unknown city "${o.city}"` });
    else if (cityCountry.get(o.city) !== o.country)
      out.push({
        file: label("organizations"),
        path: `${at}.country`,
        reason: `"${o.country}" is not the country of city "${o.city}"`,
      });
    if (o.parent && !orgs.has(o.parent))
      out.push({ file: label("organizations"), path: `${at}.parent`, reason: `unknown organization "${o.parent}"` });
  });
  const stop = new Set(d.lexicon.stopwords.map(fold));
  const needIds = new Set(d.needs.needs.map((n) => n.id));
  const categories = new Set(d.needs.needs.map((n) => n.category));
  d.lexicon.concepts.forEach((c, i) => {
    for (const [lang, list] of Object.entries(c.terms)) {
      list.forEach((t, j) => {
        const w = termWords(t, stop).words;
        if (w.length === 1 && stop.has(w[0]!))
          out.push({
            file: label("lexicon"),
            path: `concepts.${i}.terms.${lang}.${j}`,
            reason: `"${t}" is a stop-word and never matches`,
          });
      });
    }
  });
  const refOk = (c: string): boolean =>
    concepts.has(c) || c === "org:*" || (c.startsWith("org:") && orgs.has(c.slice(4)));
  d.needs.needs.forEach((n, i) => {
    const at = `needs.${i}`;
    n.signals.forEach((s, j) => {
      if (!refOk(s.concept))
        out.push({ file: label("needs"), path: `${at}.signals.${j}`, reason: `unknown concept "${s.concept}"` });
    });
    for (const field of ["all", "any"] as const) {
      n[field].forEach((c, j) => {
        if (!refOk(c))
          out.push({ file: label("needs"), path: `${at}.${field}.${j}`, reason: `unknown concept "${c}"` });
      });
    }
    n.refines.forEach((r, j) => {
      if (!needIds.has(r) && !categories.has(r as never))
        out.push({ file: label("needs"), path: `${at}.refines.${j}`, reason: `no need or category "${r}"` });
    });
    for (const kind of ["terms", "phrases"] as const) {
      for (const [lang, list] of Object.entries(n[kind])) {
        list.forEach((t, j) => {
          const w = termWords(t, stop).words;
          if (w.length === 1 && stop.has(w[0]!))
            out.push({
              file: label("needs"),
              path: `${at}.${kind}.${lang}.${j}`,
              reason: `"${t}" is a stop-word and never matches`,
            });
        });
      }
    }
    if (n.org && !orgs.has(n.org))
      out.push({ file: label("needs"), path: `${at}.org`, reason: `unknown organization "${n.org}"` });
    for (const lang of REQUIRED_LANGS) {
      if ((n.phrases[lang]?.length ?? 0) + (n.terms[lang]?.length ?? 0) === 0)
        out.push({
          file: label("needs"),
          path: `${at}.phrases.${lang}`,
          reason: `no terms or phrases in "${lang}"`,
        });
    }
    if (n.category === "none" && !n.instead)
      out.push({
        file: label("needs"),
        path: `${at}.instead`,
        reason: "a need no office serves must say what to do instead",
      });
  });
  d["country-extras"].countries.forEach((c, i) => knownCountry("country-extras", `countries.${i}.code`, c.code));
  d["world-cities"].cities.forEach((c, i) => knownCountry("world-cities", `cities.${i}.1`, c[1]));
  d["embassy-seats"].seats.forEach((st, i) => knownCountry("embassy-seats", `seats.${i}.country`, st.country));
  d.rules.rules.forEach((r, i) => {
    r.when.forEach((c, j) => {
      const needsValue = c.op === "eq" || c.op === "ne" || c.op === "in" || c.op === "notIn";
      if (needsValue && c.value === undefined)
        out.push({
          file: label("rules"),
          path: `rules.${i}.when.${j}.value`,
          reason: `operator "${c.op}" needs a value`,
        });
      if ((c.op === "in" || c.op === "notIn") && !Array.isArray(c.value))
        out.push({
          file: label("rules"),
          path: `rules.${i}.when.${j}.value`,
          reason: `operator "${c.op}" needs a list`,
        });
      if (c.fact === "need.category") {
        for (const v of [c.value ?? []].flat())
          if (!categories.has(v as never))
            out.push({
              file: label("rules"),
              path: `rules.${i}.when.${j}.value`,
              reason: `no need has category "${v}"`,
            });
      }
    });
  });
  return out;
}
