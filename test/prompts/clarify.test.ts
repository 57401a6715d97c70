/**
 * Issue 13 §4: when the words are read unsure, `ask` asks one short question — which of the
 * likeliest needs is meant — in plain words, with "None of these" to say it again.
 */
import { describe, expect, it } from "vitest";
import { askWhichNeed, GoBack, needChoices, REPHRASE } from "../../src/cli/prompts/questions.js";
import { PLAIN } from "../../src/cli/renderers/style.js";
import { classify } from "../../src/engine/answer/classify-need.js";
import { K } from "../support/knowledge.js";
import { ask, settle } from "./support.js";

const style = PLAIN;

describe("the needs offered when unsure", () => {
  it('"I need a passport": the reading first, then its alternatives, by label, each once', () => {
    const a = classify(K, "I need a passport");
    expect(a.uncertain).toBe(true);
    const choices = needChoices(K, a);
    expect(choices.map((c) => c.value)).toEqual([a.need!.id, ...a.alternatives.map((x) => x.need)]);
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    expect(choices.map((c) => c.value).sort()).toEqual(["passport-application", "passport-lost", "passport-renewal"]);
    for (const c of choices) {
      // Plain words, not ids; the same office for all three, so it is not repeated on each.
      expect(c.name).toBe(K.needById.get(c.value)!.need.label);
      expect(c.name).not.toMatch(/[a-z]+-[a-z]+/);
    }
  });

  it("names the office each leads to where they differ", () => {
    const a = classify(K, "I need a passport");
    const mixed = {
      ...a,
      alternatives: [{ need: "visa-tourist", confidence: 0.3, office: "embassy_or_consulate" as const }],
      answer: { ...a.answer!, office: "domestic_authority" as const },
    };
    expect(needChoices(K, mixed).map((c) => c.name)).toEqual([
      `${a.need!.label} — domestic authority`,
      `${K.needById.get("visa-tourist")!.need.label} — embassy or consulate`,
    ]);
  });

  it("offers nothing for words not recognised, nor a need unknown to the data", () => {
    expect(needChoices(K, classify(K, "asdfgh"))).toEqual([]);
    const a = classify(K, "I need a passport");
    const odd = { ...a, alternatives: [...a.alternatives, { need: "no-such-need", confidence: 0.2 }] };
    expect(needChoices(K, odd).map((c) => c.value)).not.toContain("no-such-need");
  });
});

describe("the question", () => {
  const choices = needChoices(K, classify(K, "I need a passport"));

  it("lists the needs, then None of these and Back; Enter takes the first", async () => {
    const { answer, events, getScreen } = await ask(askWhichNeed, { style, choices, back: true });
    await settle();
    const screen = getScreen();
    expect(screen).toMatch(/Not sure what you mean\. Which is it\?/);
    expect(screen).toMatch(/None of these — say it in other words/);
    expect(screen).toMatch(/← Back/);
    events.keypress("enter");
    await expect(answer).resolves.toBe(choices[0]!.value);
  });

  it("typing narrows the list; None of these gives REPHRASE", async () => {
    const { answer, events, getScreen } = await ask(askWhichNeed, { style, choices });
    await settle();
    events.type("lost");
    await settle();
    expect(getScreen()).toMatch(/❯ Replace a lost or stolen passport/);
    expect(getScreen()).not.toMatch(/Renew/);
    for (let i = 0; i < 4; i++) events.keypress("backspace");
    events.type("none");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toBe(REPHRASE);
  });

  it("Escape goes back to the need question", async () => {
    const { answer, events } = await ask(askWhichNeed, { style, choices, back: true });
    await settle();
    events.keypress("escape");
    await expect(answer).rejects.toBeInstanceOf(GoBack);
  });
});
