/**
 * Entities in free text — countries (by name, code or nationality), cities and organizations —
 * and the role each plays in the sentence: whose citizen, where the person is, where they go.
 */
import { rawTokens, type Token } from "../text/fold.js";
import { looseWord } from "../knowledge/compile-name-indexes.js";
import type { Knowledge } from "../knowledge/knowledge-type.js";
import { namePrefixes, nameReach } from "./name-prefixes.js";
import { THRESHOLDS } from "../thresholds.js";

/**
 * The part a place or nationality plays: `citizen` when the text makes it the person's own ("I'm
 * Canadian", "a US citizen"), `nationality` for a nationality said of something else ("the
 * Japanese market", "my fiancée is Italian"), and where the person is, lives, goes or comes from.
 */
type Role =
  "citizen" | "nationality" | "residence" | "in" | "to" | "for" | "with" | "origin" | "outside" | "embassyOf" | "none";

export interface Mention {
  kind: "country" | "city" | "demonym" | "org";
  /** Country code, city id or organization id. */
  id: string;
  /** The country the mention points to (for countries, cities and nationalities). */
  country: string | null;
  city: string | null;
  start: number;
  end: number;
  text: string;
  role: Role;
  /** For a nationality, whom it qualifies: the party acting ("German firms", "una empresa
   *  chilena"), the one sought ("Indonesian partners", "el mercado vietnamita"), or another
   *  person than the speaker ("una ragazza giapponese", "avec une Canadienne"). */
  qualifies?: "actor" | "sought" | "other";
}

/** Cues that only hint at a place; a cue after the name ("a US citizen") outweighs them. */
const WEAK: ReadonlySet<Role> = new Set(["in", "none"]);
const { worldCityMin: WORLD_CITY_MIN, worldCityMinCued: WORLD_CITY_MIN_CUED } = THRESHOLDS.places;
const { cityOverForeignName, minTypoToken, minLowerTypoToken } = THRESHOLDS.places;
/** When two cues of the same length match, the earlier role wins (names of cue lists, not words). */
const ROLE_ORDER = [
  "embassyOf",
  "residence",
  "citizen",
  "outside",
  "origin",
  "for",
  "with",
  "to",
  "in",
] as const satisfies readonly (keyof Knowledge["cues"])[];

function isCapitalised(raw: string): boolean {
  const c = raw.charAt(0);
  return c !== c.toLowerCase();
}

function cueBefore(k: Knowledge, folded: string[], start: number, raw: string[] = []): Role {
  const tryAt = (end: number): Role | null => {
    for (let n = 3; n >= 1; n--) {
      if (end - n < 0) continue;
      const key = folded.slice(end - n, end).join(" ");
      for (const role of ROLE_ORDER) {
        if (k.cues[role].get(key) === n) return role === "embassyOf" ? "embassyOf" : (role as Role);
      }
    }
    return null;
  };
  const direct = tryAt(start);
  if (direct) return direct;
  // French and Italian "à"/"a" before a place mean "in"; an English "a" does not, so only the
  // accented spelling counts (grammar: inAsWritten).
  if (start > 0 && k.grammar.inAsWritten.has(raw[start - 1]!)) return "in";
  if (start > 0 && k.grammar.articles.has(folded[start - 1]!)) return tryAt(start - 1) ?? "none";
  return "none";
}

function cueAfter(k: Knowledge, folded: string[], end: number): Role | null {
  for (let n = 2; n >= 1; n--) {
    if (end + n > folded.length) continue;
    const key = folded.slice(end, end + n).join(" ");
    if (k.cues.toAfter.get(key) === n) return "to";
    if (k.cues.citizenAfter.get(key) === n) return "citizen";
    if (k.cues.embassyAfter.get(key) === n) return "embassyOf";
    // Postpositions: "ドイツで" (in Germany), "日本から" (from Japan).
    if (k.cues.inAfter.get(key) === n) return "in";
    if (k.cues.originAfter.get(key) === n) return "origin";
  }
  return null;
}

/** Whether a text has lower case at all (the build turns a literal with \p{…} into a RegExp made
 *  at every call, so it is made once here). */
const LOWER = /\p{Ll}/u;

/** What a window of words names (a span apart): the lookups of `findMentions`, one window. */
type Named = Pick<Mention, "kind" | "id" | "country" | "city">;

/**
 * What the window `key` (its `n` folded words) names, if anything; `capitalised`: whether its first
 * word was written with a capital (it matters for one word only).
 */
function windowName(k: Knowledge, key: string, n: number, capitalised: boolean): Named | null {
  if (n === 1 && k.grammar.needCapital.has(key) && !capitalised) return null;
  if (n === 1 && k.stopwords.has(key)) return null;
  const org = k.orgNames.get(key);
  if (org) return { kind: "org", id: org, country: null, city: null };
  // A one-word name that is also a word needs are made of ("Mann", a name of the Isle of
  // Man, is German for husband) is no place, unless it is a country's own name.
  const ordinary = n === 1 && k.vocabWords.has(key) && !k.primaryNames.has(key);
  // A country before a city of the same name: "Luxembourg", "Mexico", "Singapore".
  let code = ordinary ? undefined : k.countryNames.get(key);
  // A country's name in another language that is also a large city is the city:
  // "Granada" is Grenada in Spanish, but a flamenco group from Granada is from Spain.
  if (code && !k.primaryNames.has(key) && (k.worldCityNames.get(key)?.[2] ?? 0) >= cityOverForeignName)
    code = undefined;
  if (code) {
    // "je suis suisse": in lower case, a country's name that is also its nationality is the
    // nationality.
    const kind = n === 1 && !capitalised && k.demonyms.get(key) === code ? "demonym" : "country";
    return { kind, id: code, country: code, city: null };
  }
  const cityId = ordinary ? undefined : k.cityNames.get(key);
  if (cityId) {
    const city = k.cities.get(cityId)!;
    return { kind: "city", id: cityId, country: city.country, city: city.name };
  }
  // A country's name with a genitive "s" ("Polens Haltung", "Luxemburgs Position").
  const stem = key.slice(0, -1);
  if (
    n === 1 &&
    !code &&
    key.length >= 5 &&
    key.endsWith("s") &&
    (k.primaryNames.has(stem) || (key.length >= 8 && k.countryNames.has(stem)))
  ) {
    const gen = k.countryNames.get(stem);
    if (gen) return { kind: "country", id: gen, country: gen, city: null };
  }
  const exactDemonym = k.demonyms.get(key);
  if (exactDemonym) return { kind: "demonym", id: exactDemonym, country: exactDemonym, city: null };
  const loose =
    n > 1 && k.looseFirst.has(looseWord(key.slice(0, key.indexOf(" "))))
      ? k.looseNames.get(key.split(" ").map(looseWord).join(" "))
      : undefined;
  if (loose) {
    if (loose.kind === "org") return { kind: "org", id: loose.id, country: null, city: null };
    if (loose.kind === "country") return { kind: "country", id: loose.id, country: loose.id, city: null };
    const city = k.cities.get(loose.id)!;
    return { kind: "city", id: loose.id, country: city.country, city: city.name };
  }
  const dem = k.demonyms.get(key);
  if (dem) return { kind: "demonym", id: dem, country: dem, city: null };
  if (code === undefined && k.capitals.has(key) && n > 1) {
    const c = k.capitals.get(key)!;
    return { kind: "city", id: key, country: c, city: null };
  }
  return null;
}

/** Windows met by a knowledge in a batch, with what each names (null: nothing). */
const windowMemos = new WeakMap<Knowledge, Map<string, Named | null>>();
/** Windows kept before the memo starts over (memory stays bounded). */
const WINDOW_MEMO = 100_000;

function windowMemo(k: Knowledge): Map<string, Named | null> {
  let m = windowMemos.get(k);
  if (!m) windowMemos.set(k, (m = new Map()));
  return m;
}

/**
 * `windowName` through the memo: a batch meets the same words again and again, and each window
 * otherwise costs a dozen lookups. Folded words are letters and digits, so a one-word key marked
 * with its capital ("^") or not ("_") is no other key.
 */
function knownWindow(
  memo: Map<string, Named | null>,
  k: Knowledge,
  key: string,
  n: number,
  capitalised: boolean,
): Named | null {
  const id = n === 1 ? (capitalised ? "^" : "_") + key : key;
  let named = memo.get(id);
  if (named === undefined) {
    named = windowName(k, key, n, capitalised);
    if (memo.size >= WINDOW_MEMO) memo.clear();
    memo.set(id, named);
  }
  return named;
}

/** Finds the countries, cities, nationalities and organizations a text mentions. */
export function findMentions(k: Knowledge, text: string, toks: Token[] = rawTokens(text)): Mention[] {
  const folded = toks.map((t) => t.folded);
  const raws = toks.map((t) => t.raw.toLowerCase());
  /** Tokens i to i + n as they were written. */
  const spanOf = (i: number, n: number): { start: number; end: number; text: string } => ({
    start: i,
    end: i + n,
    text: toks
      .slice(i, i + n)
      .map((t) => t.raw)
      .join(" "),
  });
  const hasLower = LOWER.test(text);
  // The grammar's word lists (data/lexicon.json), all languages together.
  const g = k.grammar;
  const out: Mention[] = [];
  // In a batch, the windows that can still be a name (name-prefixes.ts); else all of them.
  const prefixes = namePrefixes(k);
  // ...and, then too, what each window of words names, kept.
  const windows = prefixes ? windowMemo(k) : null;
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    let found: Omit<Mention, "role"> | null = null;
    const maxWords = Math.max(Math.min(k.maxNameWords, toks.length - i), Math.min(4, toks.length - i));
    const reach = prefixes ? nameReach(prefixes, folded, i, maxWords) : maxWords;
    // Acronyms that are also words ("UN", "WHO") and ISO codes count only as written in capitals.
    // A short acronym counts unless a longer name starts here ("UN refugee agency" is UNHCR).
    let longer = false;
    for (let n = 2; n <= Math.min(4, toks.length - i, reach) && !longer; n++)
      longer = k.orgNames.has(folded.slice(i, i + n).join(" "));
    // ...or in lower case right after an article or preposition that names an organization in
    // queries typed in a hurry ("bei der eu", "presso l'ue", "at the un"); not "who", which
    // follows "to" and "the" in plain English.
    const orgCs = longer
      ? undefined
      : (k.orgCaseSensitive.get(tok.raw) ??
        (i > 0 &&
        g.orgArticles.has(raws[i - 1]!) &&
        tok.raw === tok.raw.toLowerCase() &&
        !g.wordsNotAcronyms.has(tok.raw)
          ? k.orgCaseSensitive.get(tok.raw.toUpperCase())
          : undefined));
    if (orgCs) found = { kind: "org", id: orgCs, country: null, city: null, start: i, end: i + 1, text: tok.raw };
    if (!found && hasLower && /^[A-Z]{2,3}$/.test(tok.raw) && !g.codeWords.has(tok.raw)) {
      const code = k.codes.get(tok.raw);
      if (code) found = { kind: "country", id: code, country: code, city: null, start: i, end: i + 1, text: tok.raw };
    }
    if (!found) {
      const capitalised = isCapitalised(tok.raw);
      for (let n = Math.min(k.maxNameWords, reach); n >= 1 && !found; n--) {
        const key = folded.slice(i, i + n).join(" ");
        const named = windows ? knownWindow(windows, k, key, n, capitalised) : windowName(k, key, n, capitalised);
        if (named)
          found = {
            kind: named.kind,
            id: named.id,
            country: named.country,
            city: named.city,
            start: i,
            end: i + n,
            text: n === 1 ? tok.raw : spanOf(i, n).text,
          };
      }
    }
    // A city of the world not in our own list: written with a capital, not a word needs are made
    // of, and large enough to be what is meant ("Cork", "Cúcuta", "Agadir"); smaller ones right
    // after a word for a place, and big ones written in lower case there too, as chats are
    // ("flight back to auckland").
    const before = i > 0 ? raws[i - 1]! : "";
    const capitalised = isCapitalised(tok.raw);
    const placeWordBefore = g.placeWords.has(before) || g.toWords.has(before);
    // In lower case only after a plain "in", "from", "to" ("a toyota" is a car).
    const lowerCaseCued = g.toWords.has(before) || g.plainPlaceWords.has(before);
    if (
      !found &&
      (capitalised || lowerCaseCued) &&
      tok.folded.length >= 3 &&
      !k.stopwords.has(tok.folded) &&
      !k.vocabWords.has(tok.folded)
    ) {
      for (let n = Math.min(3, toks.length - i); n >= 1 && !found; n--) {
        const key = folded.slice(i, i + n).join(" ");
        const world = k.worldCityNames.get(key);
        if (
          !world ||
          world[2] < (capitalised && placeWordBefore ? WORLD_CITY_MIN_CUED : WORLD_CITY_MIN) ||
          k.vocabWords.has(key) ||
          k.stopwords.has(key) ||
          (g.needCapital.has(key) && !capitalised)
        )
          continue;
        found = {
          kind: "city",
          id: `world:${key}`,
          country: world[1],
          city: world[0],
          ...spanOf(i, n),
        };
      }
    }
    if (
      !found &&
      tok.folded.length >= minTypoToken &&
      !k.stopwords.has(tok.folded) &&
      k.vocab.match(tok.folded).length === 0
    ) {
      // Typos and inflected nationalities: "Genva", "kanadischer", "mexicana".
      // An inflected nationality ("kanadischer") begins with the known form; a lower-case word one
      // letter off one ("finish" for "Finnish") is no nationality.
      const dem = k.demonymIndex.match(tok.folded).filter((d) => tok.folded.startsWith(d) || isCapitalised(tok.raw));
      // Several forms of one nationality ("belges": "belge" or "belg") are still that one.
      const demCodes = new Set(dem.map((d) => k.demonyms.get(d)));
      const demCode = demCodes.size === 1 ? [...demCodes][0] : undefined;
      if (demCode) {
        found = { kind: "demonym", id: demCode, country: demCode, city: null, start: i, end: i + 1, text: tok.raw };
      } else {
        // A lower-case word one letter off a name must be long enough not to be a word of its own
        // ("mi serve" is no Sérvia) and, "une autrice belge" being no Autriche, see below.
        let place =
          isCapitalised(tok.raw) || tok.folded.length >= minLowerTypoToken ? k.placeIndex.match(tok.folded) : [];
        // Without a capital or a word for a place before it, only a country's own English name or
        // one of our cities is taken for a typo ("visa germnay"), not a name in another language.
        if (!isCapitalised(tok.raw) && !placeWordBefore)
          place = place.filter((p) => k.primaryNames.has(p) || k.cityNames.has(p));
        // Near names of one country in two languages ("Ukrainy": Ukraina or Ukraine) are that country.
        if (
          place.length > 1 &&
          place.every((p) => !k.cityNames.has(p) && k.countryNames.get(p) === k.countryNames.get(place[0]!))
        )
          place = [place[0]!];
        // Two near names ("Genva": Geneva or Genova): the one that hosts organizations wins.
        if (place.length > 1) place = place.filter((p) => k.hubs.has(k.cityNames.get(p) ?? ""));
        if (place.length === 1) {
          const key = place[0]!;
          const cityId = k.cityNames.get(key);
          const code = k.countryNames.get(key);
          const dem2 = k.demonyms.get(key);
          const span = { start: i, end: i + 1, text: tok.raw };
          if (cityId) {
            const city = k.cities.get(cityId)!;
            found = { kind: "city", id: cityId, country: city.country, city: city.name, ...span };
          } else if (code) found = { kind: "country", id: code, country: code, city: null, ...span };
          // As above, a lower-case word one letter off a nationality is no nationality ("danse").
          else if (dem2 && (isCapitalised(tok.raw) || tok.folded.startsWith(key)))
            found = { kind: "demonym", id: dem2, country: dem2, city: null, ...span };
        }
      }
    }
    if (!found && k.capitals.has(tok.folded) && !k.stopwords.has(tok.folded) && isCapitalised(tok.raw)) {
      const c = k.capitals.get(tok.folded)!;
      found = { kind: "city", id: tok.folded, country: c, city: tok.raw, start: i, end: i + 1, text: tok.raw };
    }
    // "Nobody speaks English", "en français": a language, not a nationality.
    if (found?.kind === "demonym" && i > 0 && g.languageBefore.has(raws[i - 1]!)) found = null;
    if (found) {
      const role = roleOf(k, found, folded, raws);
      const qualifies = found.kind === "demonym" ? qualifiedNoun(k, folded, found.start, found.end) : undefined;
      if (qualifies) found = { ...found, qualifies };
      // A code in capitals counts only where the sentence gives it a part ("a US citizen", "in CH")
      // or it is one people write for a country anyway: "IR" in "my IR degree" is no Iran.
      const bareCode = found.kind === "country" && /^[A-Z]{2,3}$/.test(found.text) && !g.commonCodes.has(found.text);
      if (!(bareCode && role === "none")) {
        const { kind, id, country, city, start, end, text } = found;
        out.push(
          found.qualifies
            ? { kind, id, country, city, start, end, text, qualifies: found.qualifies, role }
            : { kind, id, country, city, start, end, text, role },
        );
      }
      i = found.end;
    } else i++;
  }
  return out;
}

function selfBefore(k: Knowledge, folded: string[], start: number): boolean {
  for (let n = 3; n >= 1; n--) {
    if (start - n >= 0 && k.cues.self.get(folded.slice(start - n, start).join(" ")) === n) return true;
    // "I'm a Canadian", "je suis une Canadienne": an article between.
    if (start - n - 1 >= 0 && k.grammar.articlesSelf.has(folded[start - 1]!)) {
      if (k.cues.self.get(folded.slice(start - n - 1, start - 1).join(" ")) === n) return true;
    }
  }
  return false;
}

/**
 * What a nationality qualifies, from the noun right after it (English, German, Dutch) or right
 * before it (French, Spanish, Italian, Portuguese), compounds included ("tuinbouwonderneming").
 */
function qualifiedNoun(
  k: Knowledge,
  folded: string[],
  start: number,
  end: number,
): "actor" | "sought" | "other" | undefined {
  const is = (list: Map<string, number>, word: string | undefined): boolean => {
    if (!word) return false;
    if (list.has(word)) return true;
    if (word.length < 9) return false;
    for (const noun of list.keys()) if (noun.length >= 5 && word.endsWith(noun)) return true;
    return false;
  };
  // Someone else: "una ragazza giapponese", "my Canadian wife", "avec une Canadienne".
  const twoBefore = start >= 2 ? `${folded[start - 2]} ${folded[start - 1]}` : undefined;
  if ([folded[end], folded[start - 1], twoBefore].some((w) => w !== undefined && k.cues.otherNoun.has(w)))
    return "other";
  for (const word of [folded[end], folded[start - 1]]) {
    if (is(k.cues.actorNoun, word)) return "actor";
    if (is(k.cues.soughtNoun, word)) return "sought";
  }
  return undefined;
}

function roleOf(k: Knowledge, m: Omit<Mention, "role">, folded: string[], raw: string[]): Role {
  if (m.kind === "org") return "none";
  const after = cueAfter(k, folded, m.end);
  const before = cueBefore(k, folded, m.start, raw);
  if (m.kind === "demonym") {
    // A nationality is the person's own when the sentence says so ("I'm Canadian", "a US
    // citizen"); it names the destination when it qualifies a visa ("a Chinese visa").
    if (after === "to" || after === "embassyOf") return after;
    if (before === "to" && m.start > 0 && k.cues.toAfter.has(folded[m.start - 1]!)) return "to";
    if (before === "embassyOf") return "embassyOf";
    if (before === "citizen" || after === "citizen" || selfBefore(k, folded, m.start)) return "citizen";
    return "nationality";
  }
  // A city is nobody's citizenship ("in Bangkok, pass verloren").
  if (after && WEAK.has(before) && !(m.kind === "city" && after === "citizen")) return after;
  // "Embassy of Canada" names whose embassy; "our embassy in Tirana", "ambassade à New Delhi"
  // name where it is.
  if (before === "embassyOf" && !k.grammar.ofWords.has(folded[m.start - 1] ?? "")) return "in";
  return before;
}
