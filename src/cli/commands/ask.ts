/**
 * `ask`: the interactive guide. The need in the person's words (with live suggestions), then only
 * the questions the answer depends on, then the answer card, then "Anything else?". Every question
 * has a flag; without a terminal it refuses at once and names the `classify` command instead.
 */
import { classify, type Answer, type ClassifyOptions } from "../../engine/answer/classify-need.js";
import { findMentions } from "../../engine/recognise/mentions.js";
import type { Knowledge } from "../../engine/knowledge/knowledge-type.js";
import { resolveCountry, resolveOrg, resolvePlace } from "../../engine/lookup/resolve-names.js";
import { UsageError, EXIT } from "../cli-errors.js";
import { colorLevel, flushOutput, out } from "../output.js";
import { escapeJson, terminalText } from "../../engine/text/escape-controls.js";
import { renderCard } from "../renderers/answer-card.js";
import { PLAIN, type Style } from "../renderers/style.js";
import {
  canonicalText,
  FACT_ORDER,
  factsFor,
  prepareChoices,
  questionFor,
  type Fact,
  type NeedPick,
  type Prefill,
} from "../../engine/lookup/prompt-suggestions.js";
import type { PromptContext } from "../prompts/questions.js";
import { knowledge, lookup, style, type GlobalOptions } from "./command-context.js";

export interface AskFlags extends GlobalOptions {
  /** One citizenship, or several (repeated --citizen). */
  citizen?: string | string[];
  in?: string;
  to?: string;
  org?: string;
}

const INSTEAD =
  'use: mission-guide classify "<your need in words>" --citizen <country> --in <place> [--to <place>] [--org <org>] [--json]';

/** The facts given as flags, checked before the first question so a typo fails at once. */
function flagFacts(k: Knowledge, flags: AskFlags): ClassifyOptions {
  const given: ClassifyOptions = {};
  const citizens = Array.isArray(flags.citizen) ? flags.citizen : flags.citizen ? [flags.citizen] : [];
  if (citizens.length > 0) {
    for (const c of citizens) resolveCountry(k, c, "citizenship");
    given.citizen = citizens[0]!;
    if (citizens.length > 1) given.citizens = citizens;
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
  /** Answers from earlier rounds of the same session, offered again as defaults; by question, so
   *  a role is never taken for another ("the country you act for" is not your passport). */
  remembered: Map<string, string>;
  style: Style;
  context: PromptContext;
}

function ask(s: Session, fact: Fact, needId: string, prefill: Prefill | undefined, back: boolean): Promise<string> {
  const message = questionFor(s.k, fact, needId);
  // "I don't know" where a person may well not know: a place, a nationality (not an organization,
  // which the need itself usually names).
  const q = { k: s.k, style: s.style, message, prefill, back, unsure: fact !== "org" };
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

/** What a fact is, for the note on an answer given without it. */
const FACT_NOTE: Record<Fact, string> = {
  citizen: "your citizenship decides whose embassy or authority serves you",
  in: "where you are decides which office is yours, and whether you are at home or abroad",
  to: "the destination decides whose embassy issues the visa or takes the document",
  org: "the organization decides where the mission sits",
};

/** How a round ended without an answer: back to the need question, or the need said again. */
const BACK = Symbol("back");
const REPHRASE = Symbol("rephrase");

/**
 * The roles the words stated (not those the answer only assumed), as options: carried over when
 * the need is changed for one the words do not reach, so nothing said is lost.
 */
function rolesSaid(k: Knowledge, words: string, answer: Answer): ClassifyOptions {
  const guessed = new Set(answer.guessed ?? []);
  const roles: ClassifyOptions = {};
  for (const fact of FACT_ORDER) {
    const value = guessed.has(fact) ? null : saidInText(k, words, answer.input, fact);
    if (value) roles[fact] = value;
  }
  return roles;
}

/**
 * One round: from the need to the answer, asking only what the answer depends on. When the words
 * were read unsure, one question first: which of the likeliest needs they mean. When the answer
 * assumed a role the words did not state, that role's question, the assumption offered first.
 */
async function converse(s: Session, pick: NeedPick): Promise<Answer | typeof BACK | typeof REPHRASE> {
  const { k } = s;
  let text = pick.text;
  let answer = lookup(() => classify(k, text, s.flags));
  const said = answer.input;
  const assumed = new Set(answer.guessed ?? []);
  let chosen = pick.need;
  // Words taken as typed and read unsure: which need they mean (a need picked from the list is
  // the person's own choice already).
  if (!chosen && answer.need && answer.unsure?.includes("need")) {
    const choices = s.q.needChoices(k, answer);
    if (choices.length > 1) {
      let which: string;
      try {
        which = await s.q.askWhichNeed({ style: s.style, choices, back: true }, s.context);
      } catch (e) {
        if (e instanceof s.q.GoBack) return BACK;
        throw e;
      }
      if (which === s.q.REPHRASE) return REPHRASE;
      chosen = which;
    }
  }
  /** What the words said, carried as options when the need is one they do not reach. */
  let words: ClassifyOptions = {};
  if (chosen && answer.need?.id !== chosen) {
    // A need the words alone do not reach: answer that need, with the roles the words stated, and
    // still offer them as defaults where a question is asked.
    words = rolesSaid(k, pick.text, answer);
    text = canonicalText(k, chosen);
    answer = lookup(() => classify(k, text, { ...words, ...s.flags }));
  }
  if (!answer.need) return answer;
  const needId = answer.need.id;

  const given = new Set<Fact>(FACT_ORDER.filter((f) => s.flags[f]));
  const answers: ClassifyOptions = {};
  const unknown = new Set<Fact>();
  const askFor = async (fact: Fact, back: boolean): Promise<void> => {
    const key = questionFor(k, fact, needId);
    const fromText = saidInText(k, pick.text, said, fact);
    const mine = answers[fact] ?? undefined;
    const before = s.remembered.get(key);
    const usual = fact === "org" ? said.org : null;
    const prefill: Prefill | undefined = mine
      ? { value: mine, from: "your answer" }
      : fromText
        ? { value: fromText, from: assumed.has(fact) ? "a guess" : "from your words" }
        : before
          ? { value: before, from: "as before" }
          : usual
            ? { value: usual, from: "the usual one" }
            : undefined;
    const value = await ask(s, fact, needId, prefill, back);
    if (value === s.q.DONT_KNOW) {
      delete answers[fact];
      delete words[fact];
      unknown.add(fact);
      return;
    }
    unknown.delete(fact);
    answers[fact] = value;
    s.remembered.set(key, value);
  };

  // The questions in order; Escape (or "← Back") on one goes back to the one before, its answer
  // kept and offered first, and from the first back to the need. A role the answer only assumed
  // is asked like one it lacks.
  const unsettled = (a: Answer): Fact[] => [...a.missing, ...(a.guessed ?? [])];
  const wanted = new Set<Fact>([...factsFor(k, needId), ...unsettled(answer)]);
  const queue: Fact[] = FACT_ORDER.filter((f) => wanted.has(f) && !given.has(f));
  let i = 0;
  for (;;) {
    if (i < queue.length) {
      try {
        await askFor(queue[i]!, true);
        i++;
      } catch (e) {
        if (!(e instanceof s.q.GoBack)) throw e;
        if (i === 0) return BACK;
        i--;
      }
      continue;
    }
    answer = lookup(() => classify(k, text, { ...words, ...s.flags, ...answers }));
    // An answer can still lack a fact its rule turned out to need (a visa when already there, a
    // bilateral matter's other country), or assume one: ask for each such fact once.
    const next = FACT_ORDER.find((f) => unsettled(answer).includes(f) && !queue.includes(f) && !given.has(f));
    if (!next) break;
    queue.push(next);
  }
  for (const fact of unknown) answer.caveats.push(`You did not know this yet: ${FACT_NOTE[fact]} (--${fact}).`);
  // The person chose the need: the need is no longer unsure (a role still guessed stays so).
  if (chosen && answer.need?.id === chosen && answer.unsure?.includes("need")) {
    answer.unsure = answer.unsure.filter((u) => u !== "need");
    if (answer.unsure.length === 0) {
      delete answer.unsure;
      delete answer.uncertain;
    }
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
    remembered: new Map(),
    style: await streamStyle(flags, promptStream),
    context: { output: promptStream },
  };
  const cardStyle = flags.json ? session.style : await style(flags);

  // Build the suggestion lists while the person reads the first question.
  setTimeout(() => prepareChoices(k), 20).unref();

  let typed = words.join(" ").trim();
  let last: Answer | null = null;
  let previous: NeedPick | undefined;
  let message: string | undefined;
  for (;;) {
    const pick: NeedPick = typed
      ? { text: typed, need: null }
      : await q.askNeed({ k, style: session.style, previous, ...(message ? { message } : {}) }, session.context);
    typed = "";
    previous = pick;
    message = undefined;
    const answer = await converse(session, pick);
    // Back from the first question: the need again, the one chosen offered first.
    if (answer === BACK) continue;
    // None of the needs offered: the need again, in other words.
    if (answer === REPHRASE) {
      previous = undefined;
      message = "What do you need? Say it in other words.";
      continue;
    }
    previous = undefined;
    last = answer;
    const card = renderCard(answer, cardStyle, { width: promptStream.columns ?? 88 });
    if (flags.json) {
      process.stderr.write(`\n${terminalText(card, cardStyle !== PLAIN)}\n`);
      // One JSON document per answer, one line each (NDJSON): nothing lost over several needs.
      const { trace, ...rest } = answer;
      void trace;
      out(escapeJson(JSON.stringify(rest)));
      flushOutput();
    } else {
      out(`\n${card}`);
      // The CLI holds stdout until a command ends; a conversation shows each answer as it comes.
      flushOutput();
    }
    const again = await q.askAgain(
      answer.answer
        ? { style: session.style, message: "Anything else?", default: false }
        : { style: session.style, message: "Try again in other words?", default: true },
      session.context,
    );
    if (!again) break;
  }
  return last?.answer ? EXIT.ok : EXIT.notFound;
}
