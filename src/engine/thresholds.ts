/**
 * The thresholds of recognition, in one place: how words are matched, which places free text is
 * read to name, how much evidence makes a need, and how the rules' reading and the need model's
 * are combined. Numbers only: the words of each language are data (data/lexicon.json, `grammar`).
 */
export const THRESHOLDS = {
  /** Matching a token against known words (src/engine/text/word-matcher.ts). */
  words: {
    /** Shortest word that may carry an ending (e.g. "renew" → "renewal"). */
    minStem: 4,
    /** Longest ending a word may carry and still match its stem (default of a word index). */
    maxSuffix: 3,
    /** Shortest known word matched with one typo (default of a word index). */
    minFuzzy: 5,
    /** Shortest text token looked up as a typo: shorter words differ by one letter too often
     *  ("resto" is no misspelt "restos"). */
    minFuzzyToken: 6,
    /** Typo look-ups answered by scanning before the one-deletion index is built. */
    typoScans: 256,
    /** Shortest compound part recognised inside a longer word. */
    minCompoundPart: 5,
  },
  /** Places and nationalities in free text (src/engine/recognise/mentions.ts). */
  places: {
    /** Smallest world city recognised in free text (flags take any in data/world-cities.json)... */
    worldCityMin: 100_000,
    /** ...and right after a word that introduces a place ("a firm from Sassuolo", "wohne in Kempten"). */
    worldCityMinCued: 25_000,
    /** A country's name in another language that is also a city this large is the city ("Granada"). */
    cityOverForeignName: 200_000,
    /** Shortest token read as a typo or an inflected form of a place or nationality. */
    minTypoToken: 5,
    /** Shortest lower-case token read as a typo of a place. */
    minLowerTypoToken: 6,
  },
  /** The rules' need scores (src/engine/recognise/need-scoring.ts). */
  needs: {
    /** Below this score a text is not taken to express any need. */
    minScore: 4,
    /** What a need's own term adds to its score... */
    termWeight: 3,
    /** ...and one of its own phrases. */
    phraseWeight: 5,
  },
  /** How the rules' reading and the need model's are combined (src/engine/recognise/need-model-combine.ts). */
  combine: {
    /** The engine's confidence at or above which its need stands without asking the model. */
    engineStrong: 0.5,
    /**
     * With a weaker engine reading, the model's top probability that overrides a different need.
     * Above 1: never (LOCO: 0.45 → 91.1 %, 0.6 → 91.2 %, 0.8 → 91.4 % office kind; the rules' reading
     * stays, and the model's disagreement only makes it unsure).
     */
    modelOverride: 1.01,
    /** With no engine reading, the model's top probability at which its need is taken. */
    modelMin: 0.3,
    /**
     * ...and when the text has no word of the lexicon and no name at all ("asdfgh" had 0.31 for
     * asylum): the model's need is taken, and needs offered, only from this probability on.
     */
    modelUnknownWords: 0.6,
    /** A reading below this confidence is unsure. */
    sure: 0.55,
    /** A reading whose runner-up is within this much of it is unsure. */
    margin: 0.15,
    /** When the rules saw several needs alike, the model's confidence needed to be sure of one. */
    tieSure: 0.9,
    /** Candidates offered when unsure: at most this many, each at least this likely. */
    candidates: 3,
    candidateMin: 0.08,
  },
} as const;
