#!/usr/bin/env node
/**
 * Writes data/phrasings/<corpus>.json from test/cases/*.json (and the independently written
 * /work/scratch/corpora/lang-*.json, when present), one record per phrasing:
 *   {text, lang, need, office, of, roles, voice, corpus, needChecked}
 *
 * The test corpora carry an office kind and a state, not a need. The need is bootstrapped from
 * today's engine (build first: `npm run build`): where the engine's office kind and state agree with
 * the label, its need is taken ("needChecked": "engine"). Where they do not, a need is proposed from
 * the engine's alternatives that fit the labelled office kind, and every such record must then be
 * read by hand against the catalogue; records already marked "hand" in an existing output file are
 * kept as they are, so a re-run never undoes a hand label.
 *
 * Usage: node scripts/label-phrasings.mjs [--lang-dir /work/scratch/corpora]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { classify } from "../dist/index.js";

const ROOT = new URL("..", import.meta.url).pathname;
const OUT = join(ROOT, "data/phrasings");
const argLangDir = process.argv.indexOf("--lang-dir");
const LANG_DIR = argLangDir > 0 ? process.argv[argLangDir + 1] : "/work/scratch/corpora";

/** The voice each corpus was written in (from the corpora's own commit messages and test notes). */
const VOICE = {
  corpus: "request",
  holdout: "forum",
  holdout3: "ticket",
  holdout4: "search",
  holdout5: "situation",
  holdout6: "message",
  holdout7: "non-native",
  holdout8: "question",
  holdout9: "story",
  holdout10: "story",
  holdout11: "mixed",
  holdout12: "chat-story",
  holdout13: "helpdesk",
  holdout14: "search",
  holdout15: "uncommon",
  holdout16: "helpline",
  holdout17: "story",
};

const needs = JSON.parse(readFileSync(join(ROOT, "data/needs.json"), "utf8")).needs;
const needIds = new Set(needs.map((n) => n.id));
mkdirSync(OUT, { recursive: true });

const rolesOf = (flags) => {
  const r = {};
  for (const k of ["citizen", "in", "to", "org"]) if (flags?.[k]) r[k] = flags[k];
  return r;
};

const run = (text, flags) => {
  try {
    return classify(text, flags ?? {});
  } catch {
    return null;
  }
};

const caseFiles = readdirSync(join(ROOT, "test/cases"))
  .filter((f) => f.endsWith(".json"))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

// First pass: the engine on every case, and for each need the office kinds it was right with.
const corpora = [];
const officesOfNeed = new Map();
for (const file of caseFiles) {
  const name = basename(file, ".json");
  const cases = JSON.parse(readFileSync(join(ROOT, "test/cases", file), "utf8")).cases;
  const rows = cases.map((c) => {
    const a = run(c.text, c.flags);
    const agree = a !== null && a.need !== null && a.answer?.office === c.office && (a.answer?.of ?? null) === c.of;
    if (agree) {
      const s = officesOfNeed.get(a.need.id) ?? new Set();
      s.add(c.office);
      officesOfNeed.set(a.need.id, s);
    }
    return { c, a, agree };
  });
  corpora.push({ name, rows });
}

let total = 0;
let engine = 0;
let hand = 0;
let proposed = 0;
for (const { name, rows } of corpora) {
  const outFile = join(OUT, `${name}.json`);
  const kept = new Map();
  if (existsSync(outFile)) {
    for (const r of JSON.parse(readFileSync(outFile, "utf8")).phrasings)
      if (r.needChecked === "hand") kept.set(r.text, r);
  }
  const phrasings = rows.map(({ c, a, agree }) => {
    total++;
    const base = {
      text: c.text,
      lang: c.lang,
      need: null,
      office: c.office,
      of: c.of,
      roles: rolesOf(c.flags),
      // Options given besides the text (command-line flags), not roles read from it.
      rolesFrom: "flags",
      voice: VOICE[name] ?? "mixed",
      corpus: name,
    };
    const prior = kept.get(c.text);
    if (prior && needIds.has(prior.need)) {
      hand++;
      return { ...base, need: prior.need, needChecked: "hand" };
    }
    if (agree) {
      engine++;
      return { ...base, need: a.need.id, needChecked: "engine" };
    }
    // A proposal only: the engine's candidates that were ever right with this office kind.
    proposed++;
    const candidates = a ? [...(a.need ? [a.need.id] : []), ...a.alternatives.map((x) => x.need)] : [];
    const fit = candidates.find((id) => officesOfNeed.get(id)?.has(c.office));
    return {
      ...base,
      need: fit ?? null,
      needChecked: "proposed",
      engine: { need: a?.need?.id ?? null, office: a?.answer?.office ?? null, of: a?.answer?.of ?? null },
    };
  });
  writeFileSync(outFile, JSON.stringify({ corpus: name, phrasings }, null, 2) + "\n");
}

// The independently written new-language corpora already carry need ids.
let langCount = 0;
if (existsSync(LANG_DIR)) {
  for (const file of readdirSync(LANG_DIR)
    .filter((f) => /^lang-[a-z]+\.json$/.test(f))
    .sort()) {
    const name = basename(file, ".json");
    let d;
    try {
      d = JSON.parse(readFileSync(join(LANG_DIR, file), "utf8"));
    } catch {
      console.warn(`skipped ${file}: not (yet) valid JSON`);
      continue;
    }
    const phrasings = d.cases
      .filter((c) => needIds.has(c.need))
      .map((c) => ({
        text: c.text,
        lang: c.lang,
        need: c.need,
        office: c.office,
        of: c.of ?? null,
        roles: rolesOf(c.roles),
        // What the text itself states, as its author annotated it.
        rolesFrom: "text",
        voice: c.voice ?? "mixed",
        corpus: name,
        needChecked: "author",
      }));
    const dropped = d.cases.length - phrasings.length;
    if (dropped) console.warn(`${file}: ${dropped} cases with an unknown need id left out`);
    langCount += phrasings.length;
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ corpus: name, phrasings }, null, 2) + "\n");
  }
}

// The catalogue's own phrases: training only, never a test corpus.
const catalogue = [];
for (const n of needs) {
  for (const [lang, list] of Object.entries(n.phrases ?? {})) {
    for (const text of list)
      catalogue.push({ text, lang, need: n.id, corpus: "needs-catalogue", needChecked: "catalogue" });
  }
  // The label is a phrasing too, in English.
  catalogue.push({ text: n.label, lang: "en", need: n.id, corpus: "needs-catalogue", needChecked: "catalogue" });
}
writeFileSync(
  join(OUT, "needs-catalogue.json"),
  JSON.stringify({ corpus: "needs-catalogue", trainingOnly: true, phrasings: catalogue }, null, 2) + "\n",
);

console.log(
  `${total} test phrasings: ${engine} from the engine, ${hand} kept hand labels, ${proposed} proposals to check; ` +
    `${langCount} new-language phrasings; ${catalogue.length} catalogue phrases`,
);
