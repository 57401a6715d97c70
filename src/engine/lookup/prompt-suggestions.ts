/**
 * What the search prompts list as the person types: needs (scored by the same recognition
 * `classify` uses), countries, places and organizations. Pure functions of the knowledge and the
 * typed text, kept free of inquirer so they can be tested on their own.
 */
import { own } from "../../model/own.js";
import type { NeedCategory } from "../../model/data-schemas.js";
import { findMentions } from "../recognise/mentions.js";
import { fold, rawTokens } from "../text/fold.js";
import type { Knowledge } from "../knowledge/knowledge-type.js";
import { needHas } from "../knowledge/need-flags.js";
import { editDistance } from "../text/word-matcher.js";
import { gatherEvidence, MIN_SCORE, scoreNeeds } from "../recognise/need-scoring.js";
import { listNeeds } from "./reference-lists.js";
import { findCountry, findOrg, findPlace } from "./resolve-names.js";
import { escapeText } from "../text/escape-controls.js";

/** One selectable line. `short` is what stays on screen once it is chosen. */
export interface Option<V> {
  value: V;
  name: string;
  short?: string;
  description?: string;
}
/** A line that cannot be chosen: a hint on what to type. */
export interface Hint {
  hint: string;
}
export type Line<V> = Option<V> | Hint;

export function isHint<V>(line: Line<V>): line is Hint {
  return "hint" in line;
}

/** The need chosen: the words to classify, and the need picked from the list (null: as typed). */
export interface NeedPick {
  text: string;
  need: string | null;
}

/** A value the text (or an earlier answer) already gave, offered first as the default. */
export interface Prefill {
  /** What classify accepts for the flag: a country code, a city name, an organization id. */
  value: string;
  /** Where it came from, shown after the name: "from your words", "as before", "the usual one". */
  from: string;
}

const OFFICE_WORDS: Record<string, string> = {
  embassy_or_consulate: "an embassy or consulate",
  embassy: "an embassy",
  permanent_mission: "a permanent mission",
  domestic_authority: "an authority at home",
  international_organization: "the organization itself",
  none: "no diplomatic office",
};

/** Needs shown before anything is typed: one of each kind people confuse. */
const EXAMPLE_NEEDS = [
  "passport-lost",
  "visa-tourist",
  "wto-dispute",
  "apostille",
  "trade-investment",
  "un-jobs",
  "lost-luggage",
];
const MAX_NEEDS = 6;
const MAX_PLACES = 8;
/** Completions of a half-typed last word tried per keystroke. */
const MAX_COMPLETIONS = 12;

interface Cache {
  needOffice: Map<string, string>;
  vocabulary: string[];
  countries: Entry[];
  /** Independent states, listed before territories. */
  independent: Set<string>;
  cities: Entry[];
  orgs: Entry[];
}
/** A name a person may type, folded, with the name it is shown as and what it stands for. */
interface Entry {
  key: string;
  shown: string;
  id: string;
  /** Whether it is the name the thing is shown by (ranked before other names it has). */
  primary: boolean;
}
const caches = new WeakMap<Knowledge, Cache>();

function cache(k: Knowledge): Cache {
  let c = caches.get(k);
  if (c) return c;
  const needOffice = new Map<string, string>();
  for (const n of listNeeds(k)) {
    const abroad = own(OFFICE_WORDS, n.office) ?? n.office;
    const home = n.officeAtHome ? (own(OFFICE_WORDS, n.officeAtHome) ?? n.officeAtHome) : null;
    needOffice.set(n.id, home ? `${abroad} abroad, ${home}` : abroad);
  }
  const words = new Set<string>(k.wordOwners.keys());
  for (const list of k.sequences.values()) for (const s of list) for (const w of s.words) words.add(w);
  const vocabulary = [...words].filter((w) => w.length >= 3).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));

  // Names as the data spells them (with accents and capitals), to show the one a match came by.
  const countries: Entry[] = [];
  const independent = new Set<string>();
  const extras = new Map(k.data["country-extras"].countries.map((e) => [e.code, e]));
  for (const raw of k.data.countries.countries) {
    const info = k.countries.get(raw.code);
    if (!info) continue;
    if (raw.independent) independent.add(raw.code);
    const extra = extras.get(raw.code);
    const names = [
      info.name,
      raw.official,
      ...(raw.names ?? []),
      ...(extra?.aliases ?? []),
      ...(raw.demonyms ?? []),
      ...Object.values(extra?.demonyms ?? {}).flat(),
    ];
    for (const n of names) {
      const key = fold(n);
      // Only names that lead back to this country (a name several share is no answer).
      if (key && (k.countryNames.get(key) === info.code || k.demonyms.get(key) === info.code)) {
        countries.push({ key, shown: n, id: info.code, primary: n === info.name });
      }
    }
  }
  const cities: Entry[] = [];
  for (const city of k.cities.values()) {
    const names = [city.name, ...(city.aliases ?? []), ...Object.values(city.names ?? {}).flat()];
    for (const n of names) {
      const key = fold(n);
      if (key && k.cityNames.get(key) === city.id)
        cities.push({ key, shown: n, id: city.id, primary: n === city.name });
    }
  }
  const orgs: Entry[] = [];
  for (const o of k.orgs.values()) {
    for (const n of [o.acronym, o.name, ...Object.values(o.names ?? {}), ...(o.aliases ?? [])]) {
      const key = fold(n);
      if (key) orgs.push({ key, shown: n, id: o.id, primary: n === o.acronym || n === o.name });
    }
  }
  c = { needOffice, vocabulary, countries, independent, cities, orgs };
  caches.set(k, c);
  return c;
}

/**
 * Builds the name lists and warms the engine's indexes, so the first keystroke in a prompt does
 * not pay for them.
 */
export function prepareChoices(k: Knowledge): void {
  try {
    cache(k);
    needLines(k, "passport");
    placeLines(k, "geneva");
    orgLines(k, "wto");
  } catch {
    // Only a head start: the prompts build what they need when they need it.
  }
}

interface Scored {
  id: string;
  score: number;
  text: string;
}

function scoreText(k: Knowledge, text: string): Scored[] {
  const toks = rawTokens(text);
  if (toks.length === 0) return [];
  const mentions = findMentions(k, text, toks);
  return scoreNeeds(k, gatherEvidence(k, toks, mentions)).map((m) => ({ id: m.id, score: m.score, text }));
}

/**
 * Needs for the words typed so far, best first, as `classify` would rank them. While the last
 * word is still being typed ("I lost my pass"), its completions are tried too, so suggestions
 * appear before the word is finished.
 */
export function needLines(k: Knowledge, term: string | undefined): Line<NeedPick>[] {
  const c = cache(k);
  const text = (term ?? "").replace(/\s+/g, " ");
  if (text.trim() === "") {
    const lines: Line<NeedPick>[] = [{ hint: "Type what you need in your own words, in any language. Or pick one:" }];
    for (const id of EXAMPLE_NEEDS) {
      const need = k.needById.get(id)?.need;
      if (need) lines.push(needOption(c, need.id, need.label, { text: canonicalText(k, need.id), need: need.id }));
    }
    return lines;
  }
  const typed = scoreText(k, text).filter((m) => m.score >= MIN_SCORE / 2);
  const recognised = typed.length > 0 && typed[0]!.score >= MIN_SCORE;
  const byId = new Map<string, Scored>();
  for (const m of typed) if (!byId.has(m.id)) byId.set(m.id, m);

  // The last word, unless it is finished (a space typed after it).
  const last = /[\p{L}\p{N}]+$/u.exec(text);
  const completed: Scored[] = [];
  if (last && fold(last[0]).length >= 2) {
    const stem = fold(last[0]);
    const head = text.slice(0, last.index);
    let tried = 0;
    for (const w of c.vocabulary) {
      if (tried >= MAX_COMPLETIONS) break;
      if (w === stem || !w.startsWith(stem)) continue;
      tried++;
      for (const m of scoreText(k, head + w)) if (m.score >= MIN_SCORE) completed.push(m);
    }
    completed.sort((a, b) => b.score - a.score);
  }
  const ordered: Scored[] = recognised ? [...byId.values()] : [];
  for (const m of completed) {
    const seen = ordered.find((o) => o.id === m.id);
    if (!seen) ordered.push(m);
  }
  // Weak matches of the words as typed come last: possible, not likely.
  if (!recognised) for (const m of byId.values()) if (!ordered.some((o) => o.id === m.id)) ordered.push(m);
  // Then the needs whose labels hold every word typed ("lost": the lost passport, the lost
  // documents), so that a single word always offers what it plainly names.
  const words = fold(text)
    .split(" ")
    .filter((w) => w.length >= 3 && !k.stopwords.has(w));
  if (words.length > 0 && ordered.length < MAX_NEEDS) {
    for (const { need } of k.needs) {
      if (ordered.some((o) => o.id === need.id)) continue;
      const label = fold(need.label).split(" ");
      if (words.every((w) => label.some((l) => l.startsWith(w))))
        ordered.push({ id: need.id, score: 0, text: text.trim() });
    }
  }

  const lines: Line<NeedPick>[] = [];
  for (const m of ordered.slice(0, MAX_NEEDS)) {
    const need = k.needById.get(m.id)?.need;
    if (need) lines.push(needOption(c, need.id, need.label, { text: m.text, need: need.id }));
  }
  lines.push({
    value: { text: text.trim(), need: null },
    name: lines.length > 0 ? "None of these — use my words as typed" : "Use my words as typed",
    short: escapeText(text.trim()),
  });
  return lines;
}

function needOption(c: Cache, id: string, label: string, value: NeedPick): Option<NeedPick> {
  const office = c.needOffice.get(id);
  return { value, name: label, short: label, ...(office ? { description: `Goes to ${office}` } : {}) };
}

/**
 * Words that `classify` recognises as the need: the label, else one of its own phrases or terms.
 * Used when a person picks a need from the list that their own words do not reach.
 */
export function canonicalText(k: Knowledge, id: string): string {
  const need = k.data.needs.needs.find((n) => n.id === id);
  if (!need) return id;
  const candidates = [
    need.label,
    ...(need.phrases?.en ?? []),
    ...(need.terms?.en ?? []),
    ...Object.values(need.phrases ?? {}).flat(),
    ...Object.values(need.terms ?? {}).flat(),
  ].map((t) => t.replace(/^=/, ""));
  for (const t of candidates) {
    const top = scoreText(k, t)[0];
    if (top && top.id === id && top.score >= MIN_SCORE) return t;
  }
  return need.label;
}

/**
 * How well a typed fragment matches a name: 0 exact, 1 its start, 2 the start of a later word,
 * 3 a typo or two (by length); else null.
 */
function rank(term: string, key: string): number | null {
  if (key === term) return 0;
  if (key.startsWith(term)) return 1;
  if (term.length >= 3 && key.includes(` ${term}`)) return 2;
  if (term.length >= 4) {
    const head = key.slice(0, term.length);
    if (editDistance(term, head, 1) <= 1 || editDistance(term, key, 2) <= Math.min(2, term.length >> 2)) return 3;
  }
  return null;
}

interface Hit {
  id: string;
  rank: number;
  shown: string;
  key: string;
}

function search(entries: Entry[], term: string): Hit[] {
  const best = new Map<string, Hit>();
  for (const e of entries) {
    const found = rank(term, e.key);
    if (found === null) continue;
    const r = found > 0 && !e.primary ? found + 0.5 : found;
    const prev = best.get(e.id);
    if (!prev || r < prev.rank || (r === prev.rank && e.key.length < prev.key.length)) {
      best.set(e.id, { id: e.id, rank: r, shown: e.shown, key: e.key });
    }
  }
  const hits = [...best.values()];
  // A typo match only when nothing matches as typed: "Canadian" is no misspelt "Chadian".
  return hits.some((h) => h.rank < 3) ? hits.filter((h) => h.rank < 3) : hits;
}

/** The name a match was found by, when it is not the one shown: "Switzerland (Suisse)". */
function via(hit: Hit | undefined, name: string): string {
  if (!hit) return "";
  const shown = fold(hit.shown);
  return shown === fold(name) || fold(name).startsWith(shown) ? "" : ` (${hit.shown})`;
}

function countryName(k: Knowledge, code: string): string {
  return k.countries.get(code)?.name ?? code;
}

/** Independent states first: citizenship is of a state, and "French" means France. */
function stateFirst(k: Knowledge, a: string, b: string): number {
  const states = cache(k).independent;
  const ia = states.has(a) ? 0 : 1;
  const ib = states.has(b) ? 0 : 1;
  return ia - ib;
}

function prefillFirst<V>(lines: Line<V>[], option: Option<V> | null): Line<V>[] {
  return option ? [option, ...lines] : lines;
}

/** Countries for a citizenship (or an issuing state): codes, names, local names, nationalities. */
export function countryLines(k: Knowledge, term: string | undefined, prefill?: Prefill): Line<string>[] {
  const t = fold(term ?? "");
  const pre = prefill ? findCountry(k, prefill.value) : null;
  const preOption: Option<string> | null = pre
    ? { value: pre.code, name: `${pre.name} (${prefill!.from})`, short: pre.name }
    : null;
  if (t === "") {
    return prefillFirst(
      [
        {
          hint: `${pre ? "Or type" : "Type"} a country's name, code or nationality (Canada, CA, Kanada, Canadian).`,
        },
      ],
      preOption,
    );
  }
  const exact = findCountry(k, term ?? "");
  const hits = search(cache(k).countries, t).sort(
    (a, b) => a.rank - b.rank || stateFirst(k, a.id, b.id) || countryName(k, a.id).localeCompare(countryName(k, b.id)),
  );
  const codes = [...new Set([...(exact ? [exact.code] : []), ...hits.map((h) => h.id)])].slice(0, MAX_PLACES);
  return codes.map((code) => {
    const name = countryName(k, code);
    const hit = hits.find((h) => h.id === code);
    return { value: code, name: `${name}${via(hit, name)}`, short: name };
  });
}

/** A place as the flag value that resolves back to it, and how it is shown. */
function placeOption(k: Knowledge, kind: "city" | "country", id: string, suffix = ""): Option<string> {
  if (kind === "city") {
    const city = k.cities.get(id)!;
    const shown = `${city.name}, ${countryName(k, city.country)}`;
    return { value: city.name, name: `${shown}${suffix}`, short: shown };
  }
  const name = countryName(k, id);
  return { value: id, name: `${name}${suffix}`, short: name };
}

/** Places: cities we know (in their local and foreign names), capitals, and countries. */
export function placeLines(k: Knowledge, term: string | undefined, prefill?: Prefill): Line<string>[] {
  const t = fold(term ?? "");
  let preOption: Option<string> | null = null;
  if (prefill) {
    const p = findPlace(k, prefill.value);
    if (p) {
      const o = p.cityId
        ? placeOption(k, "city", p.cityId)
        : p.city
          ? { value: p.city, name: `${p.city}, ${countryName(k, p.country)}`, short: p.city }
          : placeOption(k, "country", p.country);
      preOption = { ...o, name: `${o.name} (${prefill.from})` };
    }
  }
  if (t === "") {
    return prefillFirst(
      [{ hint: `${preOption ? "Or type" : "Type"} a city or a country, in any language (Geneva, Genf, CH).` }],
      preOption,
    );
  }
  const c = cache(k);
  type Found = { kind: "city" | "country" | "capital"; id: string; rank: number; hit?: Hit };
  const found: Found[] = [];
  const exact = findPlace(k, term ?? "");
  // A country's own name means the country, though a city may share it ("Mexico", "Luxembourg").
  const country = findCountry(k, term ?? "");
  if (country) found.push({ kind: "country", id: country.code, rank: -2 });
  if (exact?.cityId) found.push({ kind: "city", id: exact.cityId, rank: -1 });
  else if (exact && exact.city) found.push({ kind: "capital", id: exact.city, rank: -1 });
  else if (exact) found.push({ kind: "country", id: exact.country, rank: -1 });
  // On equal terms a country comes before its cities ("Mexico", then "Mexico City").
  for (const h of search(c.cities, t)) found.push({ kind: "city", id: h.id, rank: h.rank + 0.25, hit: h });
  for (const h of search(c.countries, t)) found.push({ kind: "country", id: h.id, rank: h.rank, hit: h });
  for (const [key, code] of k.capitals) {
    if (k.cityNames.has(key)) continue;
    const r = rank(t, key);
    const info = k.countries.get(code);
    if (r !== null && info?.capital && fold(info.capital) === key)
      found.push({ kind: "capital", id: info.capital, rank: r + 0.25 });
  }
  found.sort((a, b) => a.rank - b.rank);
  // Typo matches only when nothing matches as typed.
  const kept = found.some((f) => f.rank < 3) ? found.filter((f) => f.rank < 3) : found;
  const seen = new Set<string>();
  const lines: Option<string>[] = [];
  for (const f of kept) {
    const key = `${f.kind === "capital" ? "city" : f.kind}:${f.kind === "capital" ? fold(f.id) : f.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (f.kind === "capital") {
      const code = k.capitals.get(fold(f.id))!;
      const shown = `${f.id}, ${countryName(k, code)}`;
      lines.push({ value: f.id, name: shown, short: shown });
    } else {
      const base = placeOption(k, f.kind, f.id);
      const plain = f.kind === "city" ? k.cities.get(f.id)!.name : countryName(k, f.id);
      lines.push({ ...base, name: `${base.name}${via(f.hit, plain)}` });
    }
    if (lines.length >= MAX_PLACES) break;
  }
  return lines;
}

/** International organizations by acronym or name, in any language the data carries. */
export function orgLines(k: Knowledge, term: string | undefined, prefill?: Prefill): Line<string>[] {
  const t = fold(term ?? "");
  const show = (id: string, suffix = ""): Option<string> => {
    const o = k.orgs.get(id)!;
    const seat = k.cities.get(o.city)?.name;
    return {
      value: o.id,
      name: `${o.acronym} — ${o.name}${seat ? `, ${seat}` : ""}${suffix}`,
      short: `${o.acronym} (${o.name})`,
    };
  };
  const pre = prefill ? findOrg(k, prefill.value) : null;
  const preOption = pre ? show(pre.id, ` (${prefill!.from})`) : null;
  if (t === "") {
    const rest = [...k.orgs.values()].filter((o) => o.missionStyle && o.id !== pre?.id).map((o) => show(o.id));
    return prefillFirst<string>(
      [{ hint: `${pre ? "Or type" : "Type"} an acronym or a name (WTO, UNESCO), or pick one:` }, ...rest],
      preOption,
    );
  }
  const exact = findOrg(k, term ?? "");
  const hits = search(cache(k).orgs, t).sort((a, b) => a.rank - b.rank || a.key.length - b.key.length);
  const ids = [...new Set([...(exact ? [exact.id] : []), ...hits.map((h) => h.id)])].slice(0, MAX_PLACES);
  return ids.map((id) => show(id));
}

/** The categories whose answers depend on each fact (SPEC §3), in the order they are asked. */
export const FACT_ORDER = ["citizen", "in", "to", "org"] as const;
export type Fact = (typeof FACT_ORDER)[number];

const CATEGORY_FACTS: Record<NeedCategory, readonly Fact[]> = {
  consular: ["citizen", "in"],
  visa: ["in", "to"],
  legalisation: ["to"],
  domestic: ["citizen"],
  multilateral: ["citizen"],
  bilateral: ["citizen"],
  organization: [],
  none: [],
};
/** Needs whose rule turns on where one is, whatever their category (an extension, asylum). */
const WHERE_ONE_IS: readonly Fact[] = ["in"];

/**
 * Whether a multilateral need leaves the organization open: needs about "an international
 * organization" in general default to the UN but are as often about another one.
 */
export function orgIsOpen(k: Knowledge, id: string): boolean {
  const need = k.needById.get(id)?.need;
  if (!need || need.category !== "multilateral") return false;
  return !need.org || (need.org === "un" && !/\b(UN|United Nations)\b/.test(need.label));
}

/** The facts a need's answer depends on, in the order they are asked. */
export function factsFor(k: Knowledge, id: string): Fact[] {
  const need = k.needById.get(id)?.need;
  if (!need) return [];
  const whereOneIs = needHas(need, "asked-where-one-is") || needHas(need, "foreigner-there");
  const facts = new Set<Fact>(whereOneIs ? WHERE_ONE_IS : (own(CATEGORY_FACTS, need.category) ?? []));
  if (orgIsOpen(k, id)) facts.add("org");
  return FACT_ORDER.filter((f) => facts.has(f));
}

/** The question for a fact, in the words of the need it serves. */
export function questionFor(k: Knowledge, fact: Fact, id: string): string {
  const need = k.needById.get(id)?.need;
  const category = need?.category;
  switch (fact) {
    case "citizen":
      if (needHas(need, "document-issuer")) return "Which country issued the document?";
      if (category === "multilateral") return "Which country do you act for?";
      if (category === "bilateral") return "Which country are you from?";
      return "Which passport do you hold?";
    case "in":
      if (category === "visa" && !needHas(need, "asked-where-one-is"))
        return "Where do you live now? (you apply from there)";
      if (category === "legalisation") return "Where do you live now?";
      if (category === "consular") return "Where are you now?";
      return "Which country are you in?";
    case "to":
      if (category === "legalisation") return "Which country is the document for?";
      if (category === "bilateral") return "Which is the other country?";
      return "Which country are you going to?";
    case "org":
      return "Which international organization?";
  }
}
