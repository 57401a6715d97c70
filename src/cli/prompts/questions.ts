/**
 * The questions `ask` puts to a person. This directory is the only code that imports inquirer,
 * and only the prompt packages it uses (the editor prompt's dependencies are most of the weight of
 * @inquirer/prompts). Each question takes an optional context (input and output streams), so the
 * conversation can run on stderr when stdout carries JSON, and tests can drive it.
 */
import confirm from "@inquirer/confirm";
import search, { Separator } from "@inquirer/search";
import type { Knowledge } from "../../engine/knowledge/knowledge-type.js";
import { CancelledError, CliError } from "../cli-errors.js";
import { escapeText, terminalText } from "../../engine/text/escape-controls.js";
import type { Style } from "../renderers/style.js";
import { OFFICE_LABEL } from "../renderers/answer-card.js";
import type { Answer } from "../../engine/answer/classify-need.js";
import {
  countryLines,
  isHint,
  needLines,
  orgLines,
  placeLines,
  type Line,
  type NeedPick,
  type Option,
  type Prefill,
} from "../../engine/lookup/prompt-suggestions.js";

/** Thrown when the person goes back to the previous question: Escape, or the "← Back" choice. */
export class GoBack extends Error {
  constructor() {
    super("back to the previous question");
    this.name = "GoBack";
  }
}

/** The answer "I don't know" to a place or nationality question. */
export const DONT_KNOW = "\u0000dont-know";
const BACK = "\u0000back";

/** Exit statuses of the signals that end a conversation: 128 + the signal's number. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, [number, string]>> = {
  SIGTERM: [143, "Terminated."],
  SIGHUP: [129, "Hung up."],
};

/** Where a prompt reads keys and draws itself (default: stdin and stdout). */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

type SearchTheme = NonNullable<Parameters<typeof search>[0]["theme"]>;

/**
 * Prompt colours from the program's one style (chalk or plain), so --no-color, NO_COLOR and a dumb
 * terminal reach the prompts too. The pointer and the tick carry the meaning without colour.
 */
export function promptTheme(s: Style): SearchTheme {
  return {
    prefix: { idle: s.cyan("?"), done: s.green("✔") },
    spinner: { interval: 80, frames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"].map((f) => s.yellow(f)) },
    style: {
      answer: (t: string) => s.cyan(t),
      message: (t: string) => s.bold(t),
      error: (t: string) => s.red(`> ${t}`),
      defaultAnswer: (t: string) => s.dim(`(${t})`),
      help: (t: string) => s.dim(t),
      highlight: (t: string) => s.cyan(t),
      key: (t: string) => s.cyan(s.bold(`<${t}>`)),
      // What the person typed or pasted, shown back: control characters escaped, never run.
      searchTerm: (t: string) => s.cyan(escapeText(t)),
      description: (t: string) => s.dim(t),
      disabled: (t: string) => s.dim(`- ${t}`),
      keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${s.bold(k)} ${s.dim(a)}`).join(s.dim(" • ")),
    },
  };
}

/**
 * Runs a prompt so that every way of stopping it becomes the CLI's CancelledError (exit 130):
 * Ctrl-C and the input closing (inquirer's ExitPromptError), and a SIGINT sent to the process.
 * The prompt's terminal is a raw one, so Ctrl-C there sends no signal; a SIGINT from outside
 * (`kill -INT`) would otherwise end the process from inquirer's exit hook, in raw mode and silent.
 * Listening here aborts the prompt instead, which restores the terminal first. SIGTERM and SIGHUP
 * do the same (exit 143 and 129). With `back`, Escape aborts it too, as GoBack.
 */
export async function cancellable<T>(
  start: (context: PromptContext & { signal: AbortSignal }) => Promise<T>,
  context: PromptContext = {},
  back = false,
): Promise<T> {
  const controller = new AbortController();
  const stopped: { reason: NodeJS.Signals | "back" } = { reason: "SIGINT" };
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = (): void => {
      stopped.reason = signal;
      controller.abort();
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const input = (context.input ?? process.stdin) as NodeJS.ReadableStream;
  const onKey = (_: unknown, key?: { name?: string; ctrl?: boolean; meta?: boolean }): void => {
    if (back && key?.name === "escape" && !key.ctrl) {
      stopped.reason = "back";
      controller.abort();
    }
  };
  input.on("keypress", onKey);
  try {
    return await start({ ...context, signal: controller.signal });
  } catch (e) {
    if (e instanceof Error && ["ExitPromptError", "AbortPromptError", "CancelPromptError"].includes(e.name)) {
      const { reason } = stopped;
      if (reason === "back") throw new GoBack();
      const ended = SIGNAL_EXIT[reason];
      if (ended) throw new CliError(ended[1], ended[0], reason.toLowerCase());
      throw new CancelledError();
    }
    throw e;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    input.removeListener("keypress", onKey);
  }
}

/** A choice's value, with the text the list it came from was built for. */
interface Tagged<V> {
  value: V;
  term: string;
}

function toChoices<V>(
  lines: Line<V>[],
  term: string,
  s: Style,
): (Separator | { value: Tagged<V>; name: string; short?: string; description?: string })[] {
  // Labels come from data and overlays: shown only through the one terminal-escaping function.
  return lines.map((l) =>
    isHint(l)
      ? new Separator(s.dim(terminalText(l.hint)))
      : {
          ...l,
          name: terminalText(l.name),
          ...(l.short !== undefined ? { short: terminalText(l.short) } : {}),
          ...(l.description !== undefined ? { description: terminalText(l.description) } : {}),
          value: { value: l.value, term },
        },
  );
}

/**
 * A search prompt over `lines`. Enter takes the choice under the pointer; but keys typed faster
 * than the list updates (a paste, then Enter) leave the pointer on a list built for older text.
 * Then `stale` decides from the text as it stands.
 */
async function searchLines<V>(
  message: string,
  lines: (term: string | undefined) => Line<V>[],
  stale: (term: string, chosen: V) => V,
  s: Style,
  context: PromptContext | undefined,
  back = false,
): Promise<V> {
  let latest = "";
  const chosen = await cancellable(
    (ctx) =>
      search<Tagged<V>>(
        {
          message,
          source: (term) => {
            latest = term ?? "";
            return toChoices(lines(term), latest, s);
          },
          pageSize: 10,
          theme: promptTheme(s),
        },
        ctx,
      ),
    context,
    back,
  );
  return chosen.term === latest ? chosen.value : stale(latest, chosen.value);
}

/** `searchLines` over string values with "← Back" among them: choosing it throws GoBack. */
async function searchOrBack(
  message: string,
  lines: (term: string | undefined) => Line<string>[],
  stale: (term: string, chosen: string) => string,
  s: Style,
  context: PromptContext | undefined,
  back: boolean,
): Promise<string> {
  const value = await searchLines<string>(message, lines, stale, s, context, back);
  if (value === BACK) throw new GoBack();
  return value;
}

function firstOption<V>(lines: Line<V>[]): V | undefined {
  for (const l of lines) if (!isHint(l)) return l.value;
  return undefined;
}

interface Common {
  k: Knowledge;
  style: Style;
}

export interface NeedQuestion extends Common {
  message?: string;
  /** The need chosen before, offered first when the person comes back to this question. */
  previous?: NeedPick | undefined;
}

/**
 * First question: the need in the person's words, with the best matching needs live. Blank words
 * (spaces alone) pick nothing: Enter then waits for words.
 */
export async function askNeed(q: NeedQuestion, context?: PromptContext): Promise<NeedPick> {
  const lines = (term: string | undefined): Line<NeedPick>[] => {
    if (term !== undefined && term !== "" && term.trim() === "")
      return [{ hint: "Type what you need in your own words, in any language." }];
    const found = needLines(q.k, term);
    const prev = q.previous;
    if (!prev || (term ?? "").trim() !== "") return found;
    const label = prev.need ? (q.k.needById.get(prev.need)?.need.label ?? prev.text) : prev.text;
    return [{ value: prev, name: `${label} (your answer)`, short: label }, ...found];
  };
  for (;;) {
    const pick = await searchLines<NeedPick>(
      q.message ?? "What do you need?",
      lines,
      // Words typed ahead of the list: classify them as typed; spaces alone are no answer.
      (term, chosen) =>
        term.trim() ? { text: term.trim(), need: null } : term === "" ? chosen : { text: "", need: null },
      q.style,
      context,
    );
    if (pick.need || pick.text.trim() !== "") return pick;
  }
}

export interface PlaceQuestion extends Common {
  message: string;
  /** What the text already said, offered first. */
  prefill?: Prefill | undefined;
  /** Whether "← Back" (and Escape) returns to the previous question: then GoBack is thrown. */
  back?: boolean;
  /** Whether "I don't know" is a choice: then DONT_KNOW is the answer. */
  unsure?: boolean;
}

function pick(
  q: PlaceQuestion,
  lines: (k: Knowledge, term: string | undefined, prefill?: Prefill) => Line<string>[],
  context?: PromptContext,
): Promise<string> {
  const withChoices = (term: string | undefined): Line<string>[] => {
    const found = lines(q.k, term, q.prefill);
    const extra: Line<string>[] = [];
    if (q.unsure) extra.push({ value: DONT_KNOW, name: "I don't know", short: "I don't know" });
    if (q.back) extra.push({ value: BACK, name: "← Back to the previous question (or Esc)", short: "back" });
    // Nothing by that name: say so, above the ways out, rather than a bare "No results".
    if (extra.length > 0 && (term ?? "").trim() !== "" && !found.some((l) => !isHint(l)))
      extra.unshift({ hint: "Nothing known by that name: check the spelling, or:" });
    return [...found, ...extra];
  };
  return searchOrBack(
    q.message,
    withChoices,
    // Typed ahead of the list: the best match for the text as typed, if there is one.
    (term, chosen) => firstOption(lines(q.k, term, q.prefill)) ?? chosen,
    q.style,
    context,
    q.back === true,
  );
}

/** A country (citizenship, issuing state): resolves to an ISO alpha-2 code. */
export function askCountry(q: PlaceQuestion, context?: PromptContext): Promise<string> {
  return pick(q, countryLines, context);
}

/** A city or a country: resolves to a value `classify` accepts for --in and --to. */
export function askPlace(q: PlaceQuestion, context?: PromptContext): Promise<string> {
  return pick(q, placeLines, context);
}

/** An international organization: resolves to its id. */
export function askOrg(q: PlaceQuestion, context?: PromptContext): Promise<string> {
  return pick(q, orgLines, context);
}

/** The answer "none of these" to the question which need was meant: the person says it again. */
export const REPHRASE = "\u0000rephrase";

/**
 * When the words were read unsure, the needs they may mean, the likeliest first, each in plain
 * words with the office it leads to for what is known of the person.
 */
export function needChoices(k: Knowledge, a: Answer): Option<string>[] {
  if (!a.need) return [];
  const office = new Map<string, string | undefined>([[a.need.id, a.answer?.office]]);
  for (const alt of a.alternatives) if (!office.has(alt.need)) office.set(alt.need, alt.office);
  const known = [...office].filter(([id]) => k.needById.has(id));
  // The office each leads to, where they differ: that is often what decides.
  const differ = new Set(known.map(([, kind]) => kind)).size > 1;
  return known.map(([id, kind]) => {
    const label = k.needById.get(id)!.need.label;
    const to = differ && kind ? OFFICE_LABEL[kind] : undefined;
    return { value: id, name: to ? `${label} — ${to}` : label, short: label };
  });
}

export interface NeedChoiceQuestion {
  style: Style;
  message?: string;
  /** The needs to choose from (`needChoices`); "None of these" (REPHRASE) follows them. */
  choices: Option<string>[];
  /** Whether "← Back" (and Escape) returns to the need question: then GoBack is thrown. */
  back?: boolean;
}

/**
 * One short question when the words were read unsure: which of these needs is meant. Typing
 * narrows the list to the lines that hold what is typed (all of them when none does).
 */
export function askWhichNeed(q: NeedChoiceQuestion, context?: PromptContext): Promise<string> {
  const lines = (term: string | undefined): Line<string>[] => {
    const all: Option<string>[] = [
      ...q.choices,
      { value: REPHRASE, name: "None of these — say it in other words", short: "none of these" },
    ];
    if (q.back) all.push({ value: BACK, name: "← Back to what you need (or Esc)", short: "back" });
    const t = (term ?? "").trim().toLowerCase();
    const shown = t ? all.filter((c) => c.name.toLowerCase().includes(t)) : [];
    return shown.length > 0 ? shown : all;
  };
  return searchOrBack(
    q.message ?? "Not sure what you mean. Which is it?",
    lines,
    (_term, chosen) => chosen,
    q.style,
    context,
    q.back === true,
  );
}

export interface AgainQuestion {
  style: Style;
  message?: string;
  default?: boolean;
}

/** "Anything else?" after an answer. */
export function askAgain(q: AgainQuestion, context?: PromptContext): Promise<boolean> {
  return cancellable(
    (ctx) =>
      confirm(
        { message: q.message ?? "Anything else?", default: q.default ?? false, theme: promptTheme(q.style) },
        ctx,
      ),
    context,
  );
}
