/**
 * The answer engine: a need in words plus what is known of the person → which office serves them,
 * why, what it is not, and where the facts come from.
 */
import { own } from "../../model/own.js";
import type { NeedCategory, OfficeKind, Organization, Rule } from "../../model/data-schemas.js";
import { findMentions, type Mention } from "../recognise/mentions.js";
import { EngineError } from "../engine-error.js";
import { rawTokens } from "../text/fold.js";
import type { Knowledge, NeedRecord } from "../knowledge/knowledge-type.js";
import { needHas } from "../knowledge/need-flags.js";
import { capitalise, embassySeat, embassyTitle, missionName, stateName, withArticle } from "./office-titles.js";
import { gatherEvidence, MIN_SCORE, scoreNeeds, type NeedMatch } from "../recognise/need-scoring.js";
import { readNeed } from "../recognise/need-model-combine.js";
import { resolveCountry, resolveOrg, resolvePlace, type Place } from "../lookup/resolve-names.js";
import { officePart, type OfficePart } from "./office-answer.js";
import { longDate } from "../lookup/standing.js";
import type { OfficeService } from "../lookup/office-choice.js";
import type { Answer as ClassifyDoc } from "../../model/output-schemas.js";
import { evaluate, type Facts, type RuleTrace } from "../decide/rule-evaluator.js";

const SCHEMA_VERSION = 1;

/** What the caller knows besides the text; values as typed (codes, names, cities). */
export interface ClassifyOptions {
  citizen?: string | null | undefined;
  /** Several citizenships, for a person who holds more than one (the first leads; wins over
   *  `citizen`). */
  citizens?: readonly string[] | null | undefined;
  in?: string | null | undefined;
  to?: string | null | undefined;
  org?: string | null | undefined;
}

export type SourceRef = Answer["sources"][number];

/** The answer, as `classify --json --explain` prints it: the trace is always kept here. */
export type Answer = Omit<ClassifyDoc, "trace"> & { trace: RuleTrace[] };

interface Context {
  citizen: string | null;
  place: Place | null;
  to: string | null;
  org: Organization | null;
  /** Whether the place was stated as where the person lives ("I live in Köln"). */
  residenceCue: boolean;
}

const EU_DIRECTIVE = {
  title: "Council Directive (EU) 2015/637 on consular protection for unrepresented EU citizens",
  url: "https://eur-lex.europa.eu/eli/dir/2015/637/oj",
};

/** Whether a city is its country's capital or seat of government (Bern, The Hague, Washington). */
function isSeatOfGovernment(k: Knowledge, p: Place): boolean {
  const c = k.countries.get(p.country);
  const seat = k.seats.get(p.country)?.city;
  return (
    p.city !== null && (p.city === c?.capital || p.city === seat || (p.country === "US" && p.city === "Washington"))
  );
}

/**
 * The state a document comes from, when the text ties a place or a nationality to it: a
 * nationality or place right next to a document word, or a place after "from"/"de"/"aus" a few
 * words after one.
 */
function documentIssuer(k: Knowledge, folded: string[], mentions: Mention[]): string | null {
  const isDoc = (i: number): boolean =>
    i >= 0 && i < folded.length && (k.wordOwners.get(folded[i]!) ?? []).includes("c:document");
  for (const m of mentions) {
    if (m.kind === "org" || !m.country) continue;
    // "UK degree", "diplôme français", "Ohio birth certificate" (not "Abu Dhabi; my degree").
    const next = folded[m.end] ?? "";
    if (isDoc(m.start - 1) || isDoc(m.end) || (!k.stopwords.has(next) && isDoc(m.end + 1))) return m.country;
    // Words that say where a document comes from: "aus Berlin", "de Guadalajara", "from Ohio".
    if (m.kind !== "demonym" && k.grammar.fromWords.has(folded[m.start - 1] ?? "")) {
      for (let j = m.start - 2; j >= Math.max(0, m.start - 5); j--) if (isDoc(j)) return m.country;
    }
    // "título universitario argentino", "diplôme universitaire français".
    if (m.kind === "demonym" && isDoc(m.start - 2)) return m.country;
  }
  return null;
}

/** Works out citizen, place, destination and organization from the text's mentions. */
function readContext(k: Knowledge, mentions: Mention[], need: NeedRecord | null, concepts: Set<string>): Context {
  // An extension is asked for in the country one is in: read places as for a matter at home.
  const category: NeedCategory | null = needHas(need, "asked-where-one-is") ? "domestic" : (need?.category ?? null);
  const citizens: string[] = [];
  const nationalities: string[] = [];
  /** Nationalities of the party acting ("German firms") and of the one sought ("Kenyan buyers"). */
  const actors: string[] = [];
  const sought: string[] = [];
  const others: string[] = [];
  const residences: Place[] = [];
  const weakIns: Place[] = [];
  const tos: Place[] = [];
  const fors: Place[] = [];
  const withs: Place[] = [];
  const origins: Place[] = [];
  const loose: Place[] = [];
  let embassyOf: string | null = null;
  let org: Organization | null = null;
  for (const m of mentions) {
    if (m.kind === "org") {
      org ??= k.orgs.get(m.id) ?? null;
      continue;
    }
    if (!m.country) continue;
    const place: Place = {
      country: m.country,
      city: m.kind === "city" ? m.city : null,
      cityId: m.kind === "city" && k.cities.has(m.id) ? m.id : null,
    };
    if (m.qualifies === "actor") actors.push(m.country);
    else if (m.qualifies === "sought") sought.push(m.country);
    // Another person's nationality ("a Japanese girl") counts only when nothing else says whose.
    if (m.qualifies === "other" && m.role !== "citizen") {
      others.push(m.country);
      continue;
    }
    if (m.role === "citizen") citizens.push(m.country);
    else if (m.role === "nationality" || (m.role === "none" && m.kind === "demonym")) nationalities.push(m.country);
    else if (m.role === "residence") residences.push(place);
    else if (m.role === "in") weakIns.push(place);
    else if (m.role === "to") tos.push(place);
    else if (m.role === "for") fors.push(place);
    else if (m.role === "with") withs.push(place);
    else if (m.role === "embassyOf") embassyOf ??= m.country;
    else if (m.role === "origin") origins.push(place);
    // "Outside France", "hors de France": a place the person is not in, and nothing else.
    else if (m.role !== "outside") loose.push(place);
  }
  // A bare country name most likely names the destination (visas, legalisation).
  const destinationFirst = needHas(need, "destination-first");
  // "For X": the destination of a visa ("a visa for Japan"); the state acting in relations and at
  // organizations ("who negotiates for Kenya", "pour la Suisse"); elsewhere a destination.
  // "With X", "against X": the other party, never the one acting.
  if (category === "bilateral" || category === "multilateral") {
    for (const f of fors) if (f.city === null) citizens.push(f.country);
  } else {
    tos.push(...fors);
    loose.push(...withs);
  }
  let citizen: string | null = citizens[0] ?? null;
  let to: string | null = tos[0]?.country ?? null;
  // A nationality's embassy is the person's own for consular needs, the destination's for visas.
  if (embassyOf) {
    if (destinationFirst) to ??= embassyOf;
    else citizen ??= embassyOf;
  }
  // For a citizen's own matters a nationality qualifying them ("the Australian election", "my
  // Dutch pension") is the person's own, and "from Berlin" is then where they write from.
  if (!citizen && (category === "consular" || category === "domestic") && nationalities.length > 0) {
    citizen = nationalities[0]!;
  }
  // "From X": where an applicant applies from, or else where a person comes from.
  const fromOrigin = new Set<Place>();
  for (const o of origins) {
    if (destinationFirst || citizen) {
      residences.push(o);
      fromOrigin.add(o);
    } else citizen = o.country;
  }
  // A nationality said in passing ("the Japanese market", "my wife is Italian") counts last; for
  // visas it more likely names the destination ("the Emirates do not accept apostilles").
  if (!destinationFirst && category !== "bilateral" && category !== "multilateral")
    citizen ??= nationalities[0] ?? null;
  const countryLevel = (p: Place): boolean => p.city === null;
  let place: Place | null = residences[0] ?? null;
  let residenceCue = place !== null;

  switch (category) {
    case "visa":
    case "legalisation": {
      // The destination: named as such, else a place mentioned that is neither home nor residence.
      const other = [...weakIns, ...loose].filter((p) => p.country !== citizen && p.country !== place?.country);
      // A place named outranks a nationality said in passing ("the Emirates do not accept...").
      to ??=
        other.at(-1)?.country ??
        nationalities.find((c) => c !== citizen && c !== place?.country) ??
        others.find((c) => c !== citizen && c !== place?.country) ??
        null;
      place ??= [...weakIns, ...loose].find((p) => p.country !== to) ?? null;
      // Family joining a citizen at home: the citizen's own country, named apart from where the
      // family is ("my wife lives in Casablanca; I'm French ... to live together in France").
      if (!to && needHas(need, "joins-citizen") && citizen && place && place.country !== citizen) {
        if ([...residences, ...weakIns, ...loose].some((p) => p.country === citizen)) to = citizen;
      }
      break;
    }
    case "multilateral":
      // The state acting: "Canada's position", "who speaks for Kenya", "la France à l'OMC".
      // A capital stands for its government ("Ottawa's delegation", "Berlin's position").
      citizen ??=
        [...loose, ...tos, ...weakIns].find(countryLevel)?.country ??
        nationalities[0] ??
        [...loose, ...tos, ...weakIns].find((p) => p.city && isSeatOfGovernment(k, p))?.country ??
        null;
      place ??= weakIns[0] ?? null;
      break;
    case "bilateral": {
      // Two states: the speaker's is usually named first ("our university in Edinburgh ... with
      // Osaka", "New Zealand MPs to Suva"), the other is where one goes or is met.
      const inOrder = mentions
        .filter((m) => m.kind !== "org" && m.country && m.role !== "to" && m.role !== "for" && m.role !== "with")
        .map((m) => m.country!);
      to ??= tos[0]?.country ?? withs[0]?.country ?? sought.find((c) => c !== actors[0]) ?? null;
      // "German firms ... partners in Colombia": the nationality of those acting is the home state,
      // and a place named for the rest is the other.
      if (!citizen && actors[0] && actors[0] !== to) {
        citizen = actors[0];
        to ??= [...weakIns, ...loose].find((p) => p.country !== citizen)?.country ?? null;
      }
      citizen ??= inOrder.find((c) => c !== to) ?? null;
      to ??= inOrder.find((c) => c !== citizen) ?? null;
      place ??= weakIns[0] ?? null;
      break;
    }
    case "domestic":
      citizen ??= loose.find(countryLevel)?.country ?? null;
      place ??= weakIns[0] ?? tos[0] ?? loose.find((p) => p.country !== citizen) ?? null;
      break;
    default: {
      place ??= weakIns[0] ?? loose[0] ?? null;
      if (!citizen) citizen = loose.find((p) => p !== place && p.country !== place?.country)?.country ?? null;
      break;
    }
  }
  // Another person's nationality, when nothing else says whose matter it is: "my Belgian
  // friend was arrested" is Belgium's.
  if (!citizen && !destinationFirst && category !== "bilateral" && category !== "multilateral")
    citizen = others[0] ?? null;
  if (category === "consular") {
    // "Belgians from Ghent, on holiday in Tel Aviv": where one comes from is not where one is.
    if (place && fromOrigin.has(place)) place = weakIns.find((p) => p.country !== place!.country) ?? place;
    // Someone else's emergency abroad, told from home ("Dad died in Split; we're from Galway"):
    // help is needed where it happened.
    if (needHas(need, "someone-elses") && citizen && place?.country === citizen) {
      const there = [...weakIns, ...loose, ...tos].find((p) => p.country !== citizen);
      if (there) place = there;
    }
    // Someone who went *to* a country and lost a passport there is in that country...
    if (!place && tos[0]) place = tos[0];
    // ...and someone stuck abroad who needs to get *to* a country is usually going home.
    else if (
      !citizen &&
      to &&
      place &&
      to !== place.country &&
      ["urgent-travel", "return", "emergency-document"].some((c) => concepts.has(c))
    ) {
      citizen = to;
    }
  }
  if (place && !residences.includes(place)) residenceCue = false;
  return { citizen, place, to, org, residenceCue };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => own(vars, key) ?? "");
}

function officeOfNotThis(kind: string): OfficeKind {
  if (kind.startsWith("mission")) return "permanent_mission";
  if (kind === "embassy") return "embassy";
  return "embassy_or_consulate";
}

/** The organization at a hub city (or in a country) whose missions people confuse with embassies. */
function hubOrg(k: Knowledge, place: Place | null): Organization | null {
  if (!place) return null;
  const pick = (orgs: Organization[] | undefined): Organization | null =>
    orgs?.find((o) => o.missionStyle && o.field === "general") ?? orgs?.find((o) => o.missionStyle) ?? null;
  if (place.cityId) return pick(k.hubs.get(place.cityId));
  if (place.city) return null;
  for (const [cityId, orgs] of k.hubs) {
    if (k.cities.get(cityId)?.country === place.country) {
      const o = pick(orgs);
      if (o) return o;
    }
  }
  return null;
}

function dedupeSources(list: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.url + s.title) ? false : (seen.add(s.url + s.title), true)));
}

/**
 * Answers which office serves a need. `text` is the need in the person's words; options given as
 * flags override what the text says. Throws EngineError for an option it cannot resolve.
 */
export function classify(k: Knowledge, text: string, options: ClassifyOptions = {}): Answer {
  const toks = rawTokens(text);
  const mentions = findMentions(k, text, toks);
  const evidence = gatherEvidence(k, toks, mentions);
  const matches = scoreNeeds(k, evidence);
  // The rules' reading, with the need model's when the rules are unsure (need-model-combine.ts).
  // A text with no word the lexicon knows and no name ("asdfgh") is read only if the model is sure.
  const known = evidence.concepts.size > 0 || mentions.length > 0;
  const { best, reading } = readNeed(k, text, matches, known);
  const need: NeedRecord | null = best ? k.needById.get(best.id)!.need : null;
  const category = need?.category ?? null;

  const ctx = readContext(k, mentions, need, evidence.concepts);
  // A document's own state ("my Colombian degree", "acta de nacimiento de Guadalajara",
  // "Heiratsurkunde aus Berlin") issues its apostille and starts its legalisation; the other
  // state named is where it is going.
  if (needHas(need, "document-issuer")) {
    // Said nowhere else, a document is from the state one is in ("Estou em Coimbra e preciso de
    // apostilar a minha certidão para usar no Brasil").
    const issuer =
      documentIssuer(
        k,
        toks.map((t) => t.folded),
        mentions,
      ) ??
      (!options.citizen && ctx.place && ctx.to && ctx.place.country !== ctx.to && (ctx.citizen ?? ctx.to) === ctx.to
        ? ctx.place.country
        : null);
    if (issuer) {
      ctx.citizen = issuer;
      if (ctx.to === issuer || ctx.to === null) {
        const elsewhere = mentions.filter((m) => m.kind !== "org" && m.country && m.country !== issuer);
        ctx.to = elsewhere.at(-1)?.country ?? null;
      }
    }
  }
  // Several citizenships: given as flags (each resolved, none dropped), or said in the text
  // ("dual Irish-British citizen", "I have both Irish and British passports").
  const citizenFlags = (options.citizens?.length ? options.citizens : options.citizen ? [options.citizen] : []).filter(
    (c) => c.trim() !== "",
  );
  let citizenships: string[] = [];
  if (citizenFlags.length > 0) {
    citizenships = [...new Set(citizenFlags.map((c) => resolveCountry(k, c, "citizenship").code))];
    ctx.citizen = citizenships[0]!;
  } else if (evidence.concepts.has("dual-nationality") && ctx.citizen) {
    const said = dualNationalities(mentions);
    if (said.includes(ctx.citizen) && said.length > 1)
      citizenships = [ctx.citizen, ...said.filter((c) => c !== ctx.citizen)];
  }
  if (options.in) ctx.place = resolvePlace(k, options.in);
  if (options.to) ctx.to = resolvePlace(k, options.to).country;
  if (options.org) ctx.org = resolveOrg(k, options.org);
  if (evidence.concepts.has("at-home") && !options.in && ctx.citizen && !ctx.place) {
    ctx.place = { country: ctx.citizen, city: null, cityId: null };
  }
  // Domestic matters are usually asked by a citizen of the country they live in; a diplomatic
  // career or an identity card "in Australia" is Australia's.
  let assumedCitizen = false;
  const ownStateNeed = needHas(need, "own-state");
  if (!ctx.citizen && ownStateNeed && !ctx.place && ctx.to) ctx.place = { country: ctx.to, city: null, cityId: null };
  // So is a passport for oneself or one's child asked for where one says one lives ("I'm in
  // Boston, where do I get my daughter's first passport?").
  // Likewise a civil-status paper asked for where one lives, when nothing in the text is abroad
  // ("married in Glasgow, still live in Scotland: a certified copy?").
  const passportWhereOneLives =
    needHas(need, "where-one-lives") ||
    (needHas(need, "civil-status") &&
      ctx.place !== null &&
      mentions.every((m) => m.kind === "org" || m.country === null || m.country === ctx.place!.country));
  if (
    !ctx.citizen &&
    ((category === "domestic" && !needHas(need, "foreigner-there")) || passportWhereOneLives) &&
    ctx.place &&
    (ctx.residenceCue || options.in || ownStateNeed)
  ) {
    ctx.citizen = ctx.place.country;
    assumedCitizen = true;
  }
  if (!ctx.place && category === "domestic" && needHas(need, "foreigner-there") && ctx.to) {
    ctx.place = { country: ctx.to, city: null, cityId: null };
  }

  // The organization: a flag wins; a need about a specific organization keeps it; a generic UN need
  // takes the organization the text names.
  let org: Organization | null = null;
  const warnings: string[] = [];
  if (need && (category === "multilateral" || category === "organization")) {
    const fixed = need.org ? (k.orgs.get(need.org) ?? null) : null;
    // A flag naming another organization than the one the need is about ("--org NATO" for a WTO
    // dispute) contradicts the need: answer for the need's own, and say so.
    const contradicts =
      options.org && fixed && fixed.id !== "un" && ctx.org && ctx.org.id !== fixed.id && ctx.org.parent !== fixed.id;
    if (contradicts) {
      warnings.push(
        `--org ${ctx.org!.acronym} does not fit this need (${need.label}), which is a matter for the ${fixed.name} (${fixed.acronym}); answered for the ${fixed.acronym}.`,
      );
      org = fixed;
    } else if (options.org) org = ctx.org;
    else if (fixed && fixed.id !== "un") org = ctx.org && ctx.org.parent === fixed.id ? ctx.org : fixed;
    else org = ctx.org ?? fixed;
    if (org && !org.missionStyle && category === "multilateral" && org.parent) org = k.orgs.get(org.parent) ?? org;
  }

  const inCountry = ctx.place?.country ?? null;
  // Whether an apostille from the document's state (the citizen's, unless said otherwise) is
  // accepted in the destination: both parties, and no objection recorded between them.
  let apostilleApplies: boolean | null = null;
  if (needHas(need, "document-issuer") && ctx.citizen && ctx.to && ctx.to !== ctx.citizen) {
    const { parties, objections } = k.apostille;
    apostilleApplies =
      parties.has(ctx.citizen) &&
      parties.has(ctx.to) &&
      !objections.has(`${ctx.citizen}>${ctx.to}`) &&
      !objections.has(`${ctx.to}>${ctx.citizen}`);
  }
  const facts: Facts = {
    apostilleApplies,
    "need.id": need?.id ?? null,
    "need.category": category,
    citizen: ctx.citizen,
    in: inCountry,
    to: ctx.to,
    org: org?.id ?? null,
    atHome: ctx.citizen && inCountry ? ctx.citizen === inCountry : null,
    inDestination: ctx.to && inCountry ? ctx.to === inCountry : null,
    // Yes where UNHCR registers, no where a source says the state does, unknown elsewhere.
    unhcrRegistersAsylum: !inCountry
      ? null
      : k.unhcrRegistersAsylum.has(inCountry)
        ? true
        : k.stateRegistersAsylum.has(inCountry)
          ? false
          : null,
    ownDestination: ctx.to ? ctx.to === ctx.citizen || citizenships.includes(ctx.to) : null,
  };

  const input: Answer["input"] = {
    text,
    citizen: ctx.citizen,
    ...(citizenships.length > 1 ? { citizens: citizenships } : {}),
    in: ctx.place
      ? {
          country: ctx.place.country,
          city: ctx.place.city,
          ...(ctx.place.region ? { region: ctx.place.region } : {}),
          name: placeName(k, ctx.place),
          ...(ctx.place.understood ? { understood: ctx.place.understood } : {}),
        }
      : null,
    to: ctx.to,
    org: org?.id ?? ctx.org?.id ?? null,
  };
  // Unsure: the other candidates, each with the office kind it would lead to.
  const alternatives: Answer["alternatives"] = reading.uncertain
    ? reading.candidates
        .filter((c) => c.need !== best?.id)
        .map((c) => ({ ...c, office: alternativeOffice(k, facts, c.need) }))
    : matches
        .filter((m) => m.id !== best?.id && m.score >= MIN_SCORE / 2)
        .slice(0, 3)
        .map((m) => ({ need: m.id, confidence: m.confidence }));

  if (!need || !best) {
    return {
      schemaVersion: SCHEMA_VERSION,
      input,
      need: null,
      answer: null,
      notThis: [],
      reasons: [],
      caveats: [],
      missing: [],
      rule: null,
      sources: [],
      alternatives: (reading.candidates.length > 0
        ? reading.candidates
        : matches.slice(0, 3).map((m) => ({ need: m.id, confidence: m.confidence }))
      ).map((c) => ({ ...c, office: alternativeOffice(k, facts, c.need) })),
      trace: [],
    };
  }

  const { rule, trace } = evaluate(k.rules, facts);
  if (!rule) {
    // The rule base ends with catch-alls for every category; reaching here means bad data.
    throw new Error(`no rule matched need ${need.id}`);
  }
  // A rule may name the organization itself (UNHCR registering asylum seekers where it does).
  const ruleOrg = rule.outcome.org ? (k.orgs.get(rule.outcome.org) ?? null) : null;
  const answer = buildAnswer(k, {
    need,
    best,
    rule,
    trace,
    ctx,
    org: ruleOrg ?? org,
    facts,
    input,
    alternatives,
    assumedCitizen,
    uncertain: reading.uncertain,
  });
  if (warnings.length > 0) {
    answer.warnings = warnings;
    answer.caveats.unshift(...warnings);
  }
  placeNote(k, ctx.place, answer);
  if (citizenships.length > 1) byCitizenship(k, text, options, citizenships, answer);
  return answer;
}

/** A place as understood, for people: "Paris (Texas), United States", "Georgia, United States". */
function placeName(k: Knowledge, place: Place): string {
  const country = capitalise(k.countries.get(place.country)?.name ?? place.country);
  const head = place.city ? `${place.city}${place.region ? ` (${place.region})` : ""}` : place.region;
  return head && head !== country ? `${head}, ${country}` : country;
}

/**
 * The nationalities a text about holding several gives the person: nationalities said of them (not
 * of another person, nor a destination), and a country named right before one ("US and Canadian").
 */
function dualNationalities(mentions: Mention[]): string[] {
  const own = (m: Mention): boolean =>
    m.country !== null &&
    m.qualifies !== "other" &&
    (m.role === "citizen" || (m.kind === "demonym" && (m.role === "nationality" || m.role === "none")));
  const out: string[] = [];
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    const paired = m.kind === "country" && m.role === "none" && next && own(next) && next.start - m.end <= 2;
    if ((own(m) || paired) && !out.includes(m.country!)) out.push(m.country!);
  });
  return out;
}

/** Says how a place was understood when no list of ours holds it as typed. */
function placeNote(k: Knowledge, place: Place | null, answer: Answer): void {
  if (!place?.understood || !place.city) return;
  const where = placeName(k, place);
  answer.caveats.push(
    place.understood === "world-city"
      ? `Place read as ${where}, a city found by its name alone; if you meant another, write "City, Country".`
      : `${place.city} is not in our lists of cities; answered for ${stateName(k, place.country)}.`,
  );
}

/**
 * For a person of several nationalities, which office serves them for each passport; and where they
 * are in a state whose nationality they also hold, what the other states say of their help there.
 */
function byCitizenship(
  k: Knowledge,
  text: string,
  options: ClassifyOptions,
  citizenships: string[],
  answer: Answer,
): void {
  const inCountry = answer.input.in?.country ?? null;
  const place = answer.input.in
    ? `${answer.input.in.city ? `${answer.input.in.city}, ` : ""}${stateName(k, answer.input.in.country)}`
    : null;
  answer.citizenships = citizenships.map((c, i) => {
    const one =
      i === 0
        ? answer
        : classify(k, text, { ...options, citizen: c, citizens: null, ...(place && !options.in ? { in: place } : {}) });
    const a = one.answer;
    return {
      citizen: c,
      office: a?.office ?? null,
      of: a?.of ?? null,
      in: a?.in ?? null,
      city: a?.city ?? null,
      title: a?.title ?? null,
      summary: a?.summary ?? null,
    };
  });
  if (answer.need && answer.need.category !== "consular") return;
  if (inCountry && citizenships.includes(inCountry)) {
    const extras = k.data["country-extras"];
    for (const c of citizenships) {
      if (c === inCountry) continue;
      const own = extras.countries.find((e) => e.code === c)?.dualNationals;
      const note = own ?? extras.dualNationals;
      if (!note) continue;
      answer.caveats.push(
        `You are also a citizen of ${stateName(k, inCountry)}, where you are: ${own ? note.note : `${capitalise(stateName(k, c))}'s help there is limited. ${note.note}`}`,
      );
      answer.sources.push({ ...note.source, asOf: note.asOf });
    }
    answer.sources = dedupeSources(answer.sources);
  }
}

/** The office kind another need would lead to, with the same facts. */
function alternativeOffice(k: Knowledge, facts: Facts, id: string): Answer["notThis"][number]["office"] | undefined {
  const n = k.needById.get(id)?.need;
  if (!n) return undefined;
  return evaluate(k.rules, { ...facts, "need.id": id, "need.category": n.category }).rule?.outcome.office;
}

interface Parts {
  need: NeedRecord;
  best: NeedMatch;
  rule: Rule;
  trace: RuleTrace[];
  ctx: Context;
  org: Organization | null;
  facts: Facts;
  input: Answer["input"];
  alternatives: Answer["alternatives"];
  assumedCitizen: boolean;
  uncertain: boolean;
}

function buildAnswer(k: Knowledge, p: Parts): Answer {
  const { need, rule, ctx, org, facts } = p;
  const roleValue = (role: string): string | null =>
    role === "citizen" ? facts.citizen : role === "to" ? facts.to : role === "in" ? facts.in : null;
  const of = roleValue(rule.outcome.of);
  const office = rule.outcome.office;

  // Where the office is.
  let officeCountry: string | null = null;
  let city: string | null = null;
  let seatException = false;
  // Where no office is needed after all (a citizen's visa for their own country), the need's notes
  // on offices do not apply.
  const needCaveats = office === "none" && need.category !== "none" ? [] : need.caveats;
  const caveats: string[] = [...needCaveats, ...rule.caveats];
  const missing = new Set<Answer["missing"][number]>();
  /** Roles the words did not state and the answer assumes (said in its reasons and caveats). */
  const guessed = new Set<NonNullable<Answer["guessed"]>[number]>();
  if (p.assumedCitizen && facts.citizen) guessed.add("citizen");
  if (rule.outcome.of !== "none" && !of) missing.add(rule.outcome.of as "citizen" | "to" | "in");
  switch (rule.outcome.place) {
    case "org-seat":
      if (org) {
        officeCountry = org.country;
        city = k.cities.get(org.city)?.name ?? null;
      } else if (office !== "international_organization") missing.add("org");
      break;
    case "in":
    case "to": {
      let target = rule.outcome.place === "in" ? facts.in : (facts.to ?? (facts.in !== of ? facts.in : null));
      if (!target && office === "embassy_or_consulate" && rule.outcome.of === "to" && facts.citizen) {
        target = facts.citizen;
        guessed.add("in");
        caveats.push(`Assuming you live in ${stateName(k, facts.citizen)}: apply in the country where you live.`);
      }
      if (!target) missing.add(rule.outcome.place);
      officeCountry = target;
      if (office === "embassy_or_consulate" || office === "embassy") {
        const seat = embassySeat(k, target);
        city = seat.city;
        seatException = seat.exception;
      } else city = null;
      break;
    }
    case "citizen":
      officeCountry = facts.citizen;
      if (office === "embassy_or_consulate" || office === "embassy") {
        const seat = embassySeat(k, officeCountry);
        city = seat.city;
        seatException = seat.exception;
      }
      break;
    case "none":
      break;
  }
  if (office === "domestic_authority") officeCountry = of;

  const authority = need.authority ?? "competent authority";
  // A state not yet known is the person's own, or for a visa the destination's.
  const unknownState = rule.outcome.of === "to" ? "the destination country" : "your country";
  let protectingPower: string | null = null;
  let officeFacts: OfficePart | null = null;
  /** Set where the state has no office to the organization: the summary says so instead. */
  let noMission: string | null = null;
  const extraReasons: string[] = [];
  const reasonsTail: string[] = [];
  const extraSources: SourceRef[] = [];
  let title: string;
  switch (office) {
    case "embassy_or_consulate":
    case "embassy": {
      title = embassyTitle(k, of, officeCountry, office === "embassy_or_consulate", city, unknownState);
      // A named state and country: the real office from the directory, or what serves instead.
      if (of && officeCountry && of !== officeCountry) {
        const service: OfficeService =
          office === "embassy" ? "bilateral" : rule.outcome.of === "to" ? "visas" : (need.service ?? "consular");
        const personCity = ctx.place && ctx.place.country === officeCountry ? ctx.place.city : null;
        const part = officePart(k, of, officeCountry, personCity, service);
        officeFacts = part;
        title = part.title;
        city = part.city;
        seatException = false;
        if (part.country) officeCountry = part.country;
        protectingPower = part.protectingPower;
        extraReasons.push(...part.reasons);
        caveats.push(...part.caveats);
        extraSources.push(...part.sources);
        const protecting = part.protectingPower ? k.protecting.get(`${of}>${officeCountry}`) : undefined;
        if (protecting) {
          extraReasons.push(
            `${capitalise(stateName(k, of))} has no embassy in ${stateName(k, officeCountry)}; ${stateName(k, protecting.protectingPower)} acts for it as protecting power (since ${protecting.since}).`,
          );
          extraSources.push({ ...protecting.source, asOf: protecting.asOf });
          if (protecting.caveat) caveats.push(protecting.caveat);
        }
      }
      if (office === "embassy_or_consulate" && of && officeCountry && rule.outcome.of === "citizen") {
        const eu = k.memberships.get("eu")?.members ?? [];
        if (eu.includes(of) && !eu.includes(officeCountry)) {
          caveats.push(
            `If ${stateName(k, of)} has no embassy or consulate in ${stateName(k, officeCountry)}, as an EU citizen you may go to the embassy or consulate of any EU member state there (Directive (EU) 2015/637).`,
          );
          extraSources.push({ ...EU_DIRECTIVE, asOf: k.memberships.get("eu")?.asOf ?? "" });
        }
      }
      break;
    }
    case "permanent_mission": {
      if (org) {
        const m = missionName(k, org, of);
        const st = m.standing;
        const who = capitalise(stateName(k, of));
        const orgName = `the ${org.name}`;
        if (st.source) extraSources.push(st.source);
        // No office is named for a state that is not represented: it is told so.
        // Absence is said as "not on record" unless a curated fact says why there is none: which
        // non-members keep offices to an organization is not fully on record (Canada has a mission
        // to the EU; our data lists only some such offices).
        title =
          m.title ??
          (m.status === "non-member"
            ? `No mission of ${stateName(k, of)} to ${orgName} on record`
            : `${who} has no mission to ${orgName}`);
        if (!m.title)
          noMission =
            m.status === "withdrawn"
              ? `${who} has withdrawn from ${orgName} and keeps no mission to it.`
              : m.status === "observer"
                ? `${who} is an observer at ${orgName}; observers keep no separate mission to it.`
                : m.status === "non-member"
                  ? `${who} is not a member of ${orgName}; no office of it to ${orgName} is on record here. Some non-members keep a mission to it or accredit their embassy; ask ${stateName(k, of)}'s foreign ministry.`
                  : `${who} keeps no mission to ${orgName}.`;
        const when = (d: string | null | undefined): string =>
          d ? ` on ${st.approximate ? "about " : ""}${longDate(d)}` : "";
        switch (m.status) {
          case "non-member":
            caveats.push(
              m.title
                ? `${who} is not a member of ${orgName}; it keeps this office to it.${st.note ? ` Standing: ${st.note}.` : ""}`
                : `${who} is not a member of ${orgName}.`,
            );
            break;
          case "withdrawn":
            caveats.push(`${who} withdrew from ${orgName}${when(st.effective)}; it is no longer a member.`);
            break;
          case "withdrawal-pending":
            caveats.push(
              st.effective
                ? `${who} is leaving ${orgName}: its withdrawal takes effect${when(st.effective)}; until then it is a member.`
                : `${who} has announced its withdrawal from ${orgName}; the date it takes effect is not known, and it is a member until then.`,
            );
            break;
          case "not-participating":
            caveats.push(`${who} has not taken part in ${orgName} since${when(st.since).replace(/^ on/, "")}.`);
            break;
          case "partner":
          case "dialogue-partner":
            reasonsTail.push(
              `${who} is a ${m.status === "partner" ? "partner" : "dialogue partner"} of ${orgName}, not a member.`,
            );
            break;
          case "observer":
            reasonsTail.push(`${who} is an observer at ${orgName}, not a member.`);
            break;
          case "associate":
            reasonsTail.push(`${who} is an associate member of ${orgName}.`);
            break;
          case "suspended":
            caveats.push(`${who} is currently suspended from ${orgName}'s activities.`);
            break;
        }
        if (st.disputed)
          caveats.push(
            `Disputed: ${stateName(k, of)} says its withdrawal from ${orgName} took effect${when(st.disputed.effective)}; ${org.acronym} has not accepted it and still counts it as a member.`,
          );
      } else title = `${of ? `${capitalise(stateName(k, of))}'s` : "Your country's"} permanent mission`;
      if (org && !org.missionStyle && org.noMissionsNote) caveats.push(org.noMissionsNote);
      break;
    }
    case "domestic_authority":
      title = of ? `${capitalise(authority)} of ${stateName(k, of)}` : `Your country's ${authority}`;
      break;
    case "international_organization":
      title = org ? `${org.name} (${org.acronym})` : "The organization itself";
      break;
    case "none":
      title = "No diplomatic office";
      break;
  }
  if (office === "permanent_mission" && title.startsWith("Permanent Mission of your country")) {
    title = title.replace("Permanent Mission of your country", "Your country's Permanent Mission");
  }

  const vars: Record<string, string> = {
    title: withArticle(title),
    city: city ?? (org ? "its seat" : "the capital"),
    country: stateName(k, officeCountry),
    state: of ? stateName(k, of) : unknownState,
    citizen: stateName(k, facts.citizen),
    authority,
    org: org ? (org.name.startsWith("UN ") ? org.name : `the ${org.name}`) : "the organization",
    instead: need.instead ?? "",
    inWhere: facts.in ? `, in ${stateName(k, facts.in)}` : "",
    inCity: city && !title.includes(city) ? `, in ${city}` : "",
    destination: stateName(k, facts.to),
  };
  const reasons = [...rule.reasons.map((r) => capitalise(fill(r, vars))), ...extraReasons, ...reasonsTail];
  if (p.assumedCitizen && facts.citizen) {
    reasons.push(`Assuming you are a citizen of ${stateName(k, facts.citizen)}, where you are.`);
  }
  if (seatException && officeCountry) {
    const seat = k.seats.get(officeCountry);
    if (seat) reasons.push(`Embassies to ${stateName(k, officeCountry)} sit in ${seat.city}, not in ${seat.capital}.`);
  }
  if (missing.has("citizen")) {
    caveats.push("Give your citizenship (--citizen) to name the exact office.");
  }
  if (office === "embassy_or_consulate" && rule.outcome.of === "citizen" && !facts.in) {
    caveats.push(
      `If you are in ${facts.citizen ? stateName(k, facts.citizen) : "your own country"} itself, the ${authority} handles this instead.`,
    );
  }

  // What it is not.
  const notThis: Answer["notThis"] = [];
  for (const nt of rule.notThis) {
    let t: string | null = null;
    switch (nt.kind) {
      // A mission is named only for a state represented there (missionName gives null otherwise).
      case "mission-here": {
        const hub = hubOrg(k, ctx.place);
        const who = of ? stateName(k, of) : "your country";
        t = hub ? missionName(k, hub, of).title : `A permanent mission of ${who} to an international organization`;
        break;
      }
      case "mission-of-citizen":
        t = org ? missionName(k, org, facts.citizen).title : `A permanent mission of ${stateName(k, facts.citizen)}`;
        break;
      case "mission-of-destination": {
        const hub = hubOrg(k, ctx.place);
        t = hub ? missionName(k, hub, of).title : `A permanent mission of ${stateName(k, of)}`;
        break;
      }
      case "embassy":
        // A state keeps no embassy in its own territory: no "Embassy of France in France".
        if (!of || of !== org?.country) t = embassyTitle(k, of, org?.country ?? null, false);
        break;
      case "own-embassy":
        // Not when the state in question is the person's own: then their embassy is the answer;
        // nor the person's own state's embassy in its own territory.
        if ((!facts.citizen || facts.citizen !== of) && (!facts.citizen || facts.citizen !== facts.in))
          t = embassyTitle(k, facts.citizen, facts.in, true);
        break;
      case "embassy-abroad":
        t = `Embassies and consulates of ${stateName(k, of ?? facts.to ?? facts.citizen)} abroad`;
        break;
    }
    // Never the answer itself again under "Not this".
    if (t && capitalise(t) !== title && !notThis.some((n) => n.title === capitalise(t)))
      notThis.push({ office: officeOfNotThis(nt.kind), title: capitalise(t), why: fill(nt.why, vars) });
  }

  const sources: SourceRef[] = [
    { ...rule.source, asOf: rule.asOf },
    { ...need.source, asOf: need.asOf },
  ];
  if (org) sources.push({ ...org.source, asOf: org.asOf });
  sources.push(...extraSources);
  if (of || officeCountry) sources.push({ ...k.countriesMeta.source, asOf: k.countriesMeta.asOf });
  if (seatException && officeCountry) {
    const seat = k.data["embassy-seats"].seats.find((s) => s.country === officeCountry);
    if (seat) sources.push({ ...seat.source, asOf: seat.asOf });
  }

  const summary = (noMission ?? officeFacts?.summary ?? capitalise(fill(rule.summary, vars)))
    .replace(/\s+/g, " ")
    .trim();
  return {
    schemaVersion: SCHEMA_VERSION,
    input: p.input,
    need: {
      id: need.id,
      label: need.label,
      category: need.category,
      confidence: p.best.confidence,
      matched: p.best.matched,
    },
    answer: {
      office,
      of,
      in:
        office === "none" || (office === "international_organization" && rule.outcome.place !== "in")
          ? (org?.country ?? null)
          : officeCountry,
      city: office === "none" ? null : city,
      org: org?.id ?? null,
      title,
      summary,
      ...(protectingPower ? { protectingPower } : {}),
      ...(officeFacts ? officeFields(officeFacts) : {}),
    },
    notThis,
    reasons,
    caveats: [...new Set(caveats)],
    missing: [...missing],
    rule: rule.id,
    sources: dedupeSources(sources),
    alternatives: p.alternatives,
    // Unsure (SPEC §3): the need when the top needs are close, then each role only guessed.
    ...(p.uncertain || guessed.size > 0
      ? { uncertain: true as const, unsure: [...(p.uncertain ? (["need"] as const) : []), ...guessed] }
      : {}),
    ...(guessed.size > 0 ? { guessed: [...guessed] } : {}),
    trace: p.trace,
  };
}

/** The concrete office's fields of an answer (SPEC §3): who runs it, its type, contact, record. */
function officeFields(p: OfficePart): Partial<NonNullable<Answer["answer"]>> {
  return {
    ...(p.operator ? { operator: p.operator } : {}),
    ...(p.officeType ? { officeType: p.officeType } : {}),
    resident: p.resident,
    ...(p.contact ? { contact: p.contact } : {}),
    ...(p.directory ? { directory: p.directory } : {}),
  };
}

/** Throws when the text is empty: there is nothing to classify. */
export function requireText(text: string): void {
  if (text.trim() === "") throw new EngineError("empty-input", 'Say what you need, e.g. "lost my passport".');
}
