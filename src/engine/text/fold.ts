/**
 * Text folding: the one normal form every comparison in the engine uses.
 * Lower case, diacritics removed, ligatures and special letters spelled out, anything that is not a
 * letter or digit turned into a single space.
 *
 * Latin letters with diacritics are folded from a table: Unicode normalisation (NFKD) needs ICU's
 * data, whose first use costs more than a whole command. Other scripts still go through NFKD.
 */
const LATIN: Record<string, string> = {
  a: "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ",
  b: "ḂḃḄḅḆḇ",
  c: "ÇçĆćĈĉĊċČčḈḉ",
  d: "ÐðĎďĐđḊḋḌḍḎḏḐḑḒḓ",
  e: "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ",
  f: "Ḟḟ",
  g: "ĜĝĞğĠġĢģǦǧǴǵḠḡ",
  h: "ĤĥĦħȞȟḢḣḤḥḦḧḨḩḪḫẖ",
  i: "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋḬḭḮḯỈỉỊị",
  j: "Ĵĵǰ",
  k: "ĶķĸǨǩḰḱḲḳḴḵ",
  l: "ĹĺĻļĽľĿŀŁłḶḷḸḹḺḻḼḽ",
  m: "ḾḿṀṁṂṃ",
  n: "ÑñŃńŅņŇňŊŋǸǹṄṅṆṇṈṉṊṋ",
  o: "ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ",
  p: "ṔṕṖṗ",
  r: "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ",
  s: "ŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩẛ",
  t: "ŢţŤťŦŧȚțṪṫṬṭṮṯṰṱẗ",
  u: "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự",
  v: "ṼṽṾṿ",
  w: "ŴŵẀẁẂẃẄẅẆẇẈẉẘ",
  x: "ẊẋẌẍ",
  y: "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ",
  z: "ŹźŻżŽžẐẑẒẓẔẕ",
  Æ: "ae",
  Þ: "th",
  ß: "ss",
  æ: "ae",
  þ: "th",
  Ĳ: "ij",
  ĳ: "ij",
  Œ: "oe",
  œ: "oe",
  Ǆ: "dz",
  ǅ: "dz",
  ǆ: "dz",
  Ǉ: "lj",
  ǈ: "lj",
  ǉ: "lj",
  Ǌ: "nj",
  ǋ: "nj",
  ǌ: "nj",
  Ǳ: "dz",
  ǲ: "dz",
  ǳ: "dz",
  ẞ: "ss",
};
const FOLD_CHAR = new Map<string, string>();
for (const [to, from] of Object.entries(LATIN)) {
  if (/^[a-z]$/.test(to)) for (const c of from) FOLD_CHAR.set(c, to);
  else FOLD_CHAR.set(to, from);
}
const LATIN_RE = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const NON_ASCII_RE = /[^ -~\t\n\r]/;
const MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
const PLAIN_ASCII = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
// Printable ASCII and ordinary white space (control characters go the long way, harmlessly).
const ASCII = /^[ -~\t\n\r]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

/** Folds text for matching. Idempotent: fold(fold(x)) === fold(x). */
export function fold(text: string): string {
  // Most names and words are plain ASCII: no table, no normalisation.
  if (PLAIN_ASCII.test(text)) return text;
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_NON_WORD, " ").trim();
  let t = text.replace(LATIN_RE, (c) => FOLD_CHAR.get(c) ?? c);
  if (NON_ASCII_RE.test(t)) t = t.normalize("NFKD").replace(MARKS_RE, "");
  return t
    .toLowerCase()
    .replace(LATIN_RE, (c) => FOLD_CHAR.get(c) ?? c)
    .replace(NON_WORD_RE, " ")
    .trim();
}

/**
 * Lower case without accents, spacing and punctuation kept ("São Paulo" → "sao paulo"): how the
 * office directory compares city names. ASCII skips the normaliser, whose first use costs a few
 * milliseconds in a one-shot command.
 */
export function caseless(text: string): string {
  return (ASCII.test(text) ? text : text.normalize("NFKD").replace(MARKS_RE, "")).toLowerCase();
}

/** Folded tokens of a text. */
export function tokens(text: string): string[] {
  const f = fold(text);
  return f === "" ? [] : f.split(" ");
}

/**
 * Tokens with their original spelling, so that case-sensitive cues (ISO codes written in capitals,
 * acronyms such as "UN" or "WHO") can be told from ordinary words.
 */
export interface Token {
  folded: string;
  raw: string;
}

/** Chinese characters, kana and the marks written with them (々, ー). */
const CJK = /[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_ALL = /[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/**
 * A folded name or cue as rawTokens reads it: Chinese and Japanese write no spaces between words,
 * so each of their characters is a word of its own ("巴黎" → "巴 黎"); other text is left as it is.
 */
export function spaceCjk(folded: string): string {
  if (!CJK.test(folded)) return folded;
  return folded.replace(CJK_ALL, " $& ").replace(/ +/g, " ").trim();
}

const RAW_WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;

/** Whether a word is ASCII letters and digits only: then it folds to itself in lower case. */
function plainWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) | 0x20;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39 && (w.charCodeAt(i) & 0x20) !== 0))) return false;
  }
  return true;
}

export function rawTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(RAW_WORD_RE)) {
    const raw = m[0];
    // Most words: what fold would give, without its tests and replacements.
    if (plainWord(raw)) {
      out.push({ folded: raw.toLowerCase(), raw });
      continue;
    }
    const f = fold(raw);
    if (f === "") continue;
    // Chinese and Japanese: one token per character (as names and cues are keyed, spaceCjk).
    if (CJK.test(f)) {
      cjkTokens(raw, out);
      continue;
    }
    // Folding can split a word (e.g. a ligature or mark-only glyph); keep each part.
    for (const part of f.split(" ")) out.push({ folded: part, raw });
  }
  return out;
}

/** The tokens of a word with Chinese or Japanese in it: each such character one token, as written;
 *  the letters between them as words. */
function cjkTokens(raw: string, out: Token[]): void {
  let rest = "";
  const flush = (): void => {
    const f = rest === "" ? "" : fold(rest);
    if (f !== "") for (const part of f.split(" ")) out.push({ folded: part, raw: rest });
    rest = "";
  };
  for (const ch of raw) {
    const f = fold(ch);
    if (f.length > 0 && CJK.test(f)) {
      flush();
      for (const part of spaceCjk(f).split(" ")) out.push({ folded: part, raw: ch });
    } else rest += ch;
  }
  flush();
}
