/**
 * The vocabulary of needs: concept terms, need terms and phrases as words and word sequences with
 * their owners, the role cues, and the needs with their signals.
 */
import { fold, spaceCjk } from "../text/fold.js";
import { SCRIPTS, ScriptedWordIndex, WordIndex, scriptOf, type Script } from "../text/word-matcher.js";
import type { DataSet, Grammar, GrammarList, Knowledge, Sequence } from "./knowledge-type.js";
import type { DefineIndex } from "./lazy-index.js";

/**
 * The words of a term as matched. Stop-words are dropped, as they are skipped in the text, unless
 * that would leave one word of a phrase: then they are kept and required ("at home", "no money",
 * "UN jobs" mean more than "home", "money", "jobs").
 */
export function termWords(term: string, stop: Set<string>): { words: string[]; exact: boolean } {
  const exact = term.startsWith("=");
  const words = spaceCjk(fold(exact ? term.slice(1) : term))
    .split(" ")
    .filter(Boolean);
  const content = words.filter((w) => !stop.has(w));
  return { words: words.length > 1 && content.length <= 1 ? words : content, exact };
}

/** The grammar's word lists as sets, each language's words together (as written, not folded). */
export function compileGrammar(grammar: DataSet["lexicon"]["grammar"]): Grammar {
  return Object.fromEntries(
    (Object.keys(grammar) as GrammarList[]).map((name) => [name, new Set(Object.values(grammar[name]).flat())]),
  ) as unknown as Grammar;
}

/** The stop-words, the vocabulary of concept and need terms, the role cues, and the needs. */
export function defineVocabulary(k: Knowledge, lazy: DefineIndex): void {
  const data = k.data;
  interface VocabIndexes {
    stopwords: Set<string>;
    vocab: Record<Script, WordIndex>;
    wordOwners: Map<string, string[]>;
    sequences: Map<string, Sequence[]>;
    cues: Knowledge["cues"];
  }
  let vocabIdx: VocabIndexes | null = null;
  const vocabIndexes = (): VocabIndexes => {
    if (vocabIdx) return vocabIdx;
    const stopwords = new Set(data.lexicon.stopwords.map(fold));
    const exactOnly = new Set<string>();
    const germanWords = new Set<string>();
    const wordOwners = new Map<string, string[]>();
    const sequences = new Map<string, Sequence[]>();
    const addTerm = (term: string, owner: string, lang: string): void => {
      const { words, exact } = termWords(term, stopwords);
      if (words.length === 0) return;
      if (lang === "de") for (const w of words) germanWords.add(w);
      if (exact) exactOnly.add(words[0]!);
      if (words.length === 1) {
        const w = words[0]!;
        const list = wordOwners.get(w);
        if (!list) wordOwners.set(w, [owner]);
        else if (!list.includes(owner)) list.push(owner);
      } else {
        const seq = { words, owner, display: words.join(" ") };
        const list = sequences.get(words[0]!);
        if (list) list.push(seq);
        else sequences.set(words[0]!, [seq]);
      }
    };
    for (const concept of data.lexicon.concepts) {
      for (const [lang, list] of Object.entries(concept.terms))
        for (const t of list) addTerm(t, `c:${concept.id}`, lang);
    }
    for (const need of data.needs.needs) {
      for (const [lang, list] of Object.entries(need.terms)) for (const t of list) addTerm(t, `t:${need.id}`, lang);
      for (const [lang, list] of Object.entries(need.phrases)) for (const t of list) addTerm(t, `p:${need.id}`, lang);
    }
    const vocabWords = new Set<string>(wordOwners.keys());
    for (const list of sequences.values()) for (const sq of list) for (const w of sq.words) vocabWords.add(w);
    const cueData = data.lexicon.cues;
    const cues = Object.fromEntries(
      (Object.keys(cueData) as (keyof typeof cueData)[]).map((name) => {
        const m = new Map<string, number>();
        for (const c of cueData[name]) {
          const key = spaceCjk(fold(c));
          if (key) m.set(key, key.split(" ").length);
        }
        return [name, m];
      }),
    ) as Knowledge["cues"];
    return (vocabIdx = {
      stopwords,
      vocab: Object.fromEntries(
        SCRIPTS.map((script) => [
          script,
          new WordIndex(
            [...vocabWords].filter((w) => scriptOf(w) === script),
            { exactOnly, compoundParts: germanWords, endings: k.grammar.endings },
          ),
        ]),
      ) as Record<Script, WordIndex>,
      wordOwners,
      sequences,
      cues,
    });
  };
  lazy("grammar", () => compileGrammar(data.lexicon.grammar));
  lazy("needRecords", () => data.needs.needs.map(({ terms: _t, phrases: _p, ...record }) => record));
  lazy("needs", () =>
    k.needRecords.map((need) => ({
      need,
      signals: new Map(need.signals.map((sg) => [sg.concept, sg.weight])),
      all: need.all,
      any: need.any,
      refines: need.refines,
    })),
  );
  lazy("needById", () => new Map(k.needs.map((n) => [n.need.id, n])));
  for (const key of ["stopwords", "wordOwners", "sequences", "cues"] as const) {
    lazy(key, () => vocabIndexes()[key] as never);
  }
  for (const script of SCRIPTS) lazy(`vocab${script}`, () => vocabIndexes().vocab[script]);
  lazy("vocab", () => new ScriptedWordIndex((script) => k[`vocab${script}`]));
  // The vocabulary's words are the word indexes' own (~20,000 words in 13 languages).
  lazy("vocabWords", () => k.vocab);
}
