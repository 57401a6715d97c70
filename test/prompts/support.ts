/** Drives the `ask` questions with @inquirer/testing: virtual streams, keys typed one by one. */
import { render } from "@inquirer/testing";
import type { PromptContext } from "../../src/cli/prompts/questions.js";

type Question<C, V> = (config: C, context?: PromptContext) => Promise<V>;
type Rendered = Awaited<ReturnType<typeof render>>;

/** Renders one of our questions (they take the same context as an inquirer prompt). */
export async function ask<C, V>(
  question: Question<C, V>,
  config: C,
): Promise<Omit<Rendered, "answer"> & { answer: Promise<V> }> {
  const r = await render(question as unknown as Parameters<typeof render>[0], config as never);
  return r as unknown as Omit<Rendered, "answer"> & { answer: Promise<V> };
}

/** Lets the search prompt's source run and the screen redraw after typing. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 5));
}

export const CTRL_C = { name: "c", ctrl: true } as const;
