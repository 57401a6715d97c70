/**
 * Text folding: the one normal form every comparison in the engine uses.
 * Lower case, diacritics removed, ligatures and special letters spelled out, anything that is not a
 * letter or digit turned into a single space.
 */
const SPECIAL: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  ø: "o",
  Ø: "o",
  œ: "oe",
  Œ: "oe",
  đ: "d",
  Đ: "d",
  ł: "l",
  Ł: "l",
  ı: "i",
  þ: "th",
  ð: "d",
};
const SPECIAL_RE = /[ßẞæÆøØœŒđĐłŁıþð]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

/** Folds text for matching. Idempotent: fold(fold(x)) === fold(x). */
export function fold(text: string): string {
  return text
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize("NFKD")
    .replace(MARKS_RE, "")
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(NON_WORD_RE, " ")
    .trim();
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

const RAW_WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
export function rawTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(RAW_WORD_RE)) {
    const raw = m[0];
    const f = fold(raw);
    if (f === "") continue;
    // Folding can split a word (e.g. a ligature or mark-only glyph); keep each part.
    for (const part of f.split(" ")) out.push({ folded: part, raw });
  }
  return out;
}
