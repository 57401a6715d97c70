/**
 * Issue 15 (and 16's SIGTERM): the questions of `ask` can go back, take "I don't know", never pick
 * a suggestion on blank input, offer the needs a single word names, and give the terminal back
 * on SIGTERM and SIGHUP as on Ctrl-C.
 */
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/cli-errors.js";
import { askCountry, askNeed, askPlace, DONT_KNOW, GoBack } from "../../src/cli/prompts/questions.js";
import { PLAIN } from "../../src/cli/renderers/style.js";
import { renderCard } from "../../src/cli/renderers/answer-card.js";
import { classify } from "../../src/engine/answer/classify-need.js";
import { isHint, needLines } from "../../src/engine/lookup/prompt-suggestions.js";
import { K } from "../support/knowledge.js";
import { ask, settle } from "./support.js";

const style = PLAIN;

describe("the need question", () => {
  it("spaces then Enter pick nothing: it waits for words", async () => {
    const { answer, events } = await ask(askNeed, { k: K, style });
    await settle();
    events.type("   ");
    await settle();
    events.keypress("enter");
    await settle();
    let settled = false;
    void answer.then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    events.type("lost my passport");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toMatchObject({ need: "passport-lost" });
  });

  it("spaces pasted with Enter at once pick nothing either", async () => {
    const { answer, events } = await ask(askNeed, { k: K, style });
    await settle();
    events.type("  ");
    events.keypress("enter");
    await settle();
    let settled = false;
    void answer.then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    events.type("visa for Japan");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toMatchObject({ text: expect.stringContaining("visa") });
  });

  it('"lost" alone offers the needs whose labels hold it', () => {
    const ids = needLines(K, "lost").flatMap((l) => (isHint(l) || !l.value.need ? [] : [l.value.need]));
    expect(ids).toContain("passport-lost");
    expect(ids).toContain("lost-luggage");
  });

  it("offers the need chosen before first, when the person comes back to it", async () => {
    const previous = { text: "I lost my passport", need: "passport-lost" };
    const { answer, events, getScreen } = await ask(askNeed, { k: K, style, previous });
    await settle();
    expect(getScreen()).toMatch(/❯ Replace a lost or stolen passport \(your answer\)/);
    events.keypress("enter");
    await expect(answer).resolves.toEqual(previous);
  });
});

describe("going back", () => {
  it("Escape on a question with a previous one: GoBack", async () => {
    const { answer, events } = await ask(askPlace, { k: K, style, message: "Where are you now?", back: true });
    await settle();
    events.type("Gen");
    events.keypress("escape");
    await expect(answer).rejects.toBeInstanceOf(GoBack);
  });

  it('the visible "← Back" choice: GoBack', async () => {
    const { answer, events, getScreen } = await ask(askCountry, {
      k: K,
      style,
      message: "Which passport do you hold?",
      back: true,
    });
    await settle();
    expect(getScreen()).toContain("← Back to the previous question");
    for (let i = 0; i < 3; i++) events.keypress("down");
    await settle();
    events.keypress("enter");
    await expect(answer).rejects.toBeInstanceOf(GoBack);
  });

  it("Escape does nothing where there is no previous question", async () => {
    const { answer, events } = await ask(askPlace, { k: K, style, message: "Where are you now?" });
    await settle();
    events.keypress("escape");
    events.type("Geneva");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toBe("Geneva");
  });
});

describe("I don't know", () => {
  it("answers a place nobody knows by that name", async () => {
    const { answer, events, getScreen } = await ask(askPlace, {
      k: K,
      style,
      message: "Where are you now?",
      unsure: true,
    });
    events.type("Atlantiss");
    await settle();
    expect(getScreen()).toContain("Nothing known by that name");
    expect(getScreen()).toMatch(/❯ I don't know/);
    events.keypress("enter");
    await expect(answer).resolves.toBe(DONT_KNOW);
  });

  it("answers a nationality question too", async () => {
    const { answer, events } = await ask(askCountry, { k: K, style, message: "Which passport?", unsure: true });
    await settle();
    events.keypress("down");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toBe(DONT_KNOW);
  });
});

describe("signals while a question is open", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s aborts the question (restoring the terminal), exit %i", async (signal, status) => {
    const { answer, events } = await ask(askCountry, { k: K, style, message: "Which passport?" });
    events.type("Can");
    await settle();
    process.emit(signal, signal);
    const e = await answer.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(status);
    expect(process.listenerCount(signal)).toBe(0);
  });
});

describe("the card at 60 columns", () => {
  it("wraps every line, the Not-this titles and the footer too", () => {
    for (const [text, flags] of [
      ["renew my passport", { citizen: "CA", in: "Geneva" }],
      ["lost my passport", { citizens: ["IE", "GB"], in: "London" }],
      ["raise a WTO dispute", { citizen: "BA" }],
      ["purple elephants dance quietly", {}],
    ] as const) {
      const card = renderCard(classify(K, text, flags), PLAIN, { width: 60 });
      for (const line of card.split("\n")) expect(line.length, line).toBeLessThanOrEqual(60);
    }
  });
});
