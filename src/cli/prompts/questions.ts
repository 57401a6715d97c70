/**
 * The questions `ask` puts to a person. This directory is the only code that imports inquirer,
 * and only the prompt packages it uses (the editor prompt's dependencies are most of the weight of
 * @inquirer/prompts). Each question takes an optional context (input and output streams), so the
 * conversation can run on stderr when stdout carries JSON, and tests can drive it.
 */
import confirm from "@inquirer/confirm";
import search, { Separator } from "@inquirer/search";
import type { Knowledge } from "../../engine/knowledge/compile-knowledge.js";
import { CancelledError } from "../cli-errors.js";
import { escapeText } from "../../engine/text/escape-controls.js";
import type { Style } from "../renderers/style.js";
import {
  countryLines,
  isHint,
  needLines,
  orgLines,
  placeLines,
  type Line,
  type NeedPick,
  type Prefill,
} from "../../engine/lookup/prompt-suggestions.js";

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
 * Listening here aborts the prompt instead, which restores the terminal first.
 */
export async function cancellable<T>(
  start: (context: PromptContext & { signal: AbortSignal }) => Promise<T>,
  context: PromptContext = {},
): Promise<T> {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.on("SIGINT", interrupt);
  try {
    return await start({ ...context, signal: controller.signal });
  } catch (e) {
    if (e instanceof Error && ["ExitPromptError", "AbortPromptError", "CancelPromptError"].includes(e.name)) {
      throw new CancelledError();
    }
    throw e;
  } finally {
    process.off("SIGINT", interrupt);
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
  return lines.map((l) => (isHint(l) ? new Separator(s.dim(l.hint)) : { ...l, value: { value: l.value, term } }));
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
          pageSize: 8,
          theme: promptTheme(s),
        },
        ctx,
      ),
    context,
  );
  return chosen.term === latest ? chosen.value : stale(latest, chosen.value);
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
}

/** First question: the need in the person's words, with the best matching needs live. */
export function askNeed(q: NeedQuestion, context?: PromptContext): Promise<NeedPick> {
  return searchLines<NeedPick>(
    q.message ?? "What do you need?",
    (term) => needLines(q.k, term),
    // Words typed ahead of the list: classify them as typed.
    (term, chosen) => (term.trim() ? { text: term.trim(), need: null } : chosen),
    q.style,
    context,
  );
}

export interface PlaceQuestion extends Common {
  message: string;
  /** What the text already said, offered first. */
  prefill?: Prefill | undefined;
}

function pick(
  q: PlaceQuestion,
  lines: (k: Knowledge, term: string | undefined, prefill?: Prefill) => Line<string>[],
  context?: PromptContext,
): Promise<string> {
  return searchLines<string>(
    q.message,
    (term) => lines(q.k, term, q.prefill),
    // Typed ahead of the list: the best match for the text as typed, if there is one.
    (term, chosen) => firstOption(lines(q.k, term, q.prefill)) ?? chosen,
    q.style,
    context,
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
