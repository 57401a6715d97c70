/**
 * `ask`: the interactive guide. The need in the person's words (with live suggestions), then only
 * the questions the answer depends on, then the answer card, then "Anything else?". Every question
 * has a flag; without a terminal it refuses at once and names the `classify` command instead.
 */
import { classify, type Answer, type ClassifyOptions } from "../../engine/answer/classify-need.js";
import { findMentions } from "../../engine/recognise/mentions.js";
import type { Knowledge } from "../../engine/knowledge/compile-knowledge.js";
import { resolveCountry, resolveOrg, resolvePlace } from "../../engine/lookup/resolve-names.js";
import { UsageError, EXIT } from "../cli-errors.js";
import { colorLevel, flushOutput, out, outJson } from "../output.js";
import { renderCard } from "../renderers/answer-card.js";
import { PLAIN, type Style } from "../renderers/style.js";
import {
  canonicalText,
  FACT_ORDER,
  factsFor,
  prepareChoices,
  questionFor,
  type Fact,
  type Prefill,
} from "../../engine/lookup/prompt-suggestions.js";
import type { PromptContext } from "../prompts/questions.js";
import { knowledge, lookup, style, type GlobalOptions } from "./command-context.js";

export interface AskFlags extends GlobalOptions {
  citizen?: string;
  in?: string;
  to?: string;
  org?: string;
}

const INSTEAD =
  'use: mission-guide classify "<your need in words>" --citizen <country> --in <place> [--to <place>] [--org <org>] [--json]';

/** The facts given as flags, checked before the first question so a typo fails at once. */
function flagFacts(k: Knowledge, flags: AskFlags): ClassifyOptions {
  const given: ClassifyOptions = {};
  if (flags.citizen) {
    resolveCountry(k, flags.citizen, "citizenship");
    given.citizen = flags.citizen;
  }
  if (flags.in) {
    resolvePlace(k, flags.in);
    given.in = flags.in;
  }
  if (flags.to) {
    resolvePlace(k, flags.to);
    given.to = flags.to;
  }
  if (flags.org) {
    resolveOrg(k, flags.org);
    given.org = flags.org;
  }
  return given;
}

/** What the words already said about a fact, as a value the flag accepts. */
function saidInText(k: Knowledge, words: string, input: Answer["input"], fact: Fact): string | null {
  switch (fact) {
    case "citizen":
      return input.citizen;
    case "to":
      return input.to;
    case "org":
      // The answer may carry the need's usual organization, which the words need not name.
      return findMentions(k, words).some((m) => m.kind === "org") ? input.org : null;
    case "in": {
      if (!input.in) return null;
      const city = input.in.city;
      // The city when it leads back to the same country, else the country.
      if (city) {
        try {
          if (resolvePlace(k, city).country === input.in.country) return city;
        } catch {
          // not a name we can resolve on its own: fall back to the country
        }
      }
      return input.in.country;
    }
  }
}

async function streamStyle(flags: AskFlags, stream: NodeJS.WriteStream): Promise<Style> {
  if (colorLevel({ color: flags.color !== false }, stream) === 0) return PLAIN;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}

type Questions = typeof import("../prompts/questions.js");

interface Session {
  q: Questions;
  k: Knowledge;
  flags: ClassifyOptions;
  /** Answers from earlier rounds of the same session, offered again as defaults. */
  remembered: Partial<Record<Fact, string>>;
  style: Style;
  context: PromptContext;
}

function ask(s: Session, fact: Fact, needId: string, prefill: Prefill | undefined): Promise<string> {
  const q = { k: s.k, style: s.style, message: questionFor(s.k, fact, needId), prefill };
  switch (fact) {
    case "citizen":
      return s.q.askCountry(q, s.context);
    case "in":
    case "to":
      return s.q.askPlace(q, s.context);
    case "org":
      return s.q.askOrg(q, s.context);
  }
}

/** One round: from the need to the answer, asking only what the answer depends on. */
async function converse(s: Session, pick: { text: string; need: string | null }): Promise<Answer> {
  const { k } = s;
  let text = pick.text;
  let answer = lookup(() => classify(k, text, s.flags));
  const said = answer.input;
  if (pick.need && answer.need?.id !== pick.need) {
    // A need picked from the list that the words alone do not reach: answer that need, and still
    // offer what the words said (citizenship, place) as defaults.
    text = canonicalText(k, pick.need);
    answer = lookup(() => classify(k, text, s.flags));
  }
  if (!answer.need) return answer;
  const needId = answer.need.id;

  const given = new Set<Fact>(FACT_ORDER.filter((f) => s.flags[f]));
  const asked = new Set<Fact>();
  const answers: ClassifyOptions = {};
  const askFor = async (fact: Fact): Promise<void> => {
    asked.add(fact);
    const fromText = saidInText(k, pick.text, said, fact);
    const before = s.remembered[fact];
    const usual = fact === "org" ? said.org : null;
    const prefill: Prefill | undefined = fromText
      ? { value: fromText, from: "from your words" }
      : before
        ? { value: before, from: "as before" }
        : usual
          ? { value: usual, from: "the usual one" }
          : undefined;
    const value = await ask(s, fact, needId, prefill);
    answers[fact] = value;
    s.remembered[fact] = value;
  };

  const wanted = new Set<Fact>([...factsFor(k, needId), ...answer.missing]);
  for (const fact of FACT_ORDER) if (wanted.has(fact) && !given.has(fact)) await askFor(fact);
  answer = lookup(() => classify(k, text, { ...s.flags, ...answers }));
  // An answer can still lack a fact its rule turned out to need (a visa when already there, a
  // bilateral matter's other country): ask for each such fact once.
  for (let i = 0; i < FACT_ORDER.length; i++) {
    const next = FACT_ORDER.find((f) => answer.missing.includes(f) && !asked.has(f) && !given.has(f));
    if (!next) break;
    await askFor(next);
    answer = lookup(() => classify(k, text, { ...s.flags, ...answers }));
  }
  return answer;
}

export async function run(words: string[], flags: AskFlags): Promise<number> {
  if (flags.input === false) throw new UsageError(`ask does not prompt with --no-input; ${INSTEAD}`, "no-input");
  if (!process.stdin.isTTY)
    throw new UsageError(`ask needs a terminal to ask its questions; ${INSTEAD}`, "no-terminal");
  const k = await knowledge(flags);
  const given = lookup(() => flagFacts(k, flags));
  // The prompt libraries load only once it is clear there will be questions.
  const q = await import("../prompts/questions.js");

  // Prompts (and, with --json, the card) go to stderr whenever stdout is not for people.
  const promptStream = flags.json || !process.stdout.isTTY ? process.stderr : process.stdout;
  const session: Session = {
    q,
    k,
    flags: given,
    remembered: {},
    style: await streamStyle(flags, promptStream),
    context: { output: promptStream },
  };
  const cardStyle = flags.json ? session.style : await style(flags);

  // Build the suggestion lists while the person reads the first question.
  setTimeout(() => prepareChoices(k), 20).unref();

  let typed = words.join(" ").trim();
  let last: Answer;
  for (;;) {
    const pick = typed ? { text: typed, need: null } : await q.askNeed({ k, style: session.style }, session.context);
    typed = "";
    last = await converse(session, pick);
    const card = renderCard(last, cardStyle, { width: promptStream.columns ?? 88 });
    if (flags.json) process.stderr.write(`\n${card}\n`);
    else {
      out(`\n${card}`);
      // The CLI holds stdout until a command ends; a conversation shows each answer as it comes.
      flushOutput();
    }
    const again = await q.askAgain(
      last.answer
        ? { style: session.style, message: "Anything else?", default: false }
        : { style: session.style, message: "Try again in other words?", default: true },
      session.context,
    );
    if (!again) break;
  }
  if (flags.json) {
    const { trace, ...rest } = last;
    void trace;
    outJson(rest);
  }
  return last.answer ? EXIT.ok : EXIT.notFound;
}
