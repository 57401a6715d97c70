/** Each question `ask` puts, driven key by key: suggestions, defaults from the text, Ctrl-C. */
import { describe, expect, it } from "vitest";
import { CancelledError } from "../../src/cli/cli-errors.js";
import { askAgain, askCountry, askNeed, askOrg, askPlace } from "../../src/cli/prompts/questions.js";
import { PLAIN } from "../../src/cli/renderers/style.js";
import { K } from "../support/knowledge.js";
import { ask, CTRL_C, settle } from "./support.js";

const style = PLAIN;

describe("the need question", () => {
  it("offers examples before anything is typed", async () => {
    const { answer, getScreen } = await ask(askNeed, { k: K, style });
    await settle();
    const screen = getScreen();
    expect(screen).toContain("What do you need?");
    expect(screen).toContain("in your own words");
    expect(screen).toContain("Replace a lost or stolen passport");
    expect(screen).toContain("Raise or defend a WTO dispute");
    answer.catch(() => undefined);
  });

  it("suggests needs live as the person types, best first, and Enter takes the best", async () => {
    const { answer, events, getScreen } = await ask(askNeed, { k: K, style });
    events.type("I lost my passport");
    await settle();
    const lines = getScreen().split("\n");
    expect(lines[0]).toContain("What do you need? I lost my passport");
    expect(lines[1]).toMatch(/❯ Replace a lost or stolen passport/);
    expect(getScreen()).toContain("None of these — use my words as typed");
    expect(getScreen()).toContain("Goes to an embassy or consulate");
    events.keypress("enter");
    await expect(answer).resolves.toEqual({ text: "I lost my passport", need: "passport-lost" });
    expect(getScreen()).toContain("✔ What do you need? Replace a lost or stolen passport");
  });

  it("suggests before the last word is finished", async () => {
    const { answer, events, getScreen } = await ask(askNeed, { k: K, style });
    events.type("I lost my pass");
    await settle();
    expect(getScreen().split("\n")[1]).toMatch(/❯ Replace a lost or stolen passport/);
    events.keypress("enter");
    const pick = await answer;
    expect(pick.need).toBe("passport-lost");
    expect(pick.text).toMatch(/^I lost my pass/);
  });

  it("completes a half-typed word the need depends on", async () => {
    const { answer, events, getScreen } = await ask(askNeed, { k: K, style });
    events.type("I need a vis");
    await settle();
    expect(getScreen().split("\n")[1]).toMatch(/❯ Get a visa to visit/);
    events.keypress("enter");
    await expect(answer).resolves.toEqual({ text: "I need a visa", need: "visa-tourist" });
  });

  it("recognises other languages", async () => {
    for (const [text, need] of [
      ["j'ai perdu mon passeport", "passport-lost"],
      ["Reisepass verloren", "passport-lost"],
      ["raise a trade dispute at the WTO", "wto-dispute"],
    ] as const) {
      const { answer, events } = await ask(askNeed, { k: K, style });
      events.type(text);
      await settle();
      events.keypress("enter");
      await expect(answer).resolves.toMatchObject({ need: need });
    }
  });

  it("takes the words as typed from the last choice", async () => {
    const { answer, events, getScreen } = await ask(askNeed, { k: K, style });
    events.type("trade dispute");
    await settle();
    const choices = getScreen()
      .split("\n")
      .filter((l) => /^[❯ ] \S/.test(l));
    expect(choices.at(-1)).toContain("None of these — use my words as typed");
    for (let i = 0; i < choices.length - 1; i++) events.keypress("down");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toEqual({ text: "trade dispute", need: null });
  });

  it("offers only the words as typed when nothing matches", async () => {
    const { answer, events, getScreen } = await ask(askNeed, { k: K, style });
    events.type("purple elephants");
    await settle();
    expect(getScreen()).toContain("❯ Use my words as typed");
    events.keypress("enter");
    await expect(answer).resolves.toEqual({ text: "purple elephants", need: null });
  });

  it("takes words typed ahead of the list (a paste, then Enter) as typed", async () => {
    const { answer, events } = await ask(askNeed, { k: K, style });
    await settle();
    events.type("I'm a Canadian in Geneva and lost my passport");
    events.keypress("enter");
    await expect(answer).resolves.toEqual({ text: "I'm a Canadian in Geneva and lost my passport", need: null });
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const { answer, events } = await ask(askNeed, { k: K, style });
    events.type("lost my");
    await settle();
    events.keypress(CTRL_C);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("a SIGINT from outside while a question is open", () => {
  it("cancels the question (restoring the terminal) instead of ending the process", async () => {
    const { answer, events } = await ask(askCountry, { k: K, style, message: "Which passport?" });
    events.type("Can");
    await settle();
    process.emit("SIGINT", "SIGINT");
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });
});

describe("the citizenship question", () => {
  it("accepts a nationality, a local name or a code", async () => {
    for (const [typed, code] of [
      ["Canadian", "CA"],
      ["Suisse", "CH"],
      ["Kanada", "CA"],
      ["gb", "GB"],
      ["USA", "US"],
      ["Ivory Coast", "CI"],
    ] as const) {
      const { answer, events, getScreen } = await ask(askCountry, {
        k: K,
        style,
        message: "Which passport do you hold?",
      });
      events.type(typed);
      await settle();
      expect(getScreen()).toContain("Which passport do you hold?");
      events.keypress("enter");
      await expect(answer, typed).resolves.toBe(code);
    }
  });

  it("offers what the text said as the default", async () => {
    const { answer, events, getScreen } = await ask(askCountry, {
      k: K,
      style,
      message: "Which passport do you hold?",
      prefill: { value: "CA", from: "from your words" },
    });
    await settle();
    expect(getScreen()).toMatch(/❯ Canada \(from your words\)/);
    events.keypress("enter");
    await expect(answer).resolves.toBe("CA");
  });

  it("lets the person type over the default", async () => {
    const { answer, events } = await ask(askCountry, {
      k: K,
      style,
      message: "Which passport do you hold?",
      prefill: { value: "CA", from: "from your words" },
    });
    events.type("Swiss");
    await settle();
    events.keypress("enter");
    await expect(answer).resolves.toBe("CH");
  });

  it("takes a country typed ahead of the list, not the default still under the pointer", async () => {
    const { answer, events } = await ask(askCountry, {
      k: K,
      style,
      message: "Which passport do you hold?",
      prefill: { value: "CA", from: "from your words" },
    });
    await settle();
    events.type("Swiss");
    events.keypress("enter");
    await expect(answer).resolves.toBe("CH");
  });

  it("says so when nothing matches", async () => {
    const { answer, events, getScreen } = await ask(askCountry, { k: K, style, message: "Which passport?" });
    events.type("Atlantis");
    await settle();
    expect(getScreen()).toContain("No results found");
    events.keypress(CTRL_C);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const { answer, events } = await ask(askCountry, { k: K, style, message: "Which passport?" });
    events.keypress(CTRL_C);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("the place question", () => {
  it("accepts cities in local and foreign names, and countries", async () => {
    for (const [typed, value] of [
      ["Genf", "Geneva"],
      ["Genève", "Geneva"],
      ["Wien", "Vienna"],
      ["Switzerland", "CH"],
      ["CH", "CH"],
      ["Mexico", "MX"],
    ] as const) {
      const { answer, events } = await ask(askPlace, { k: K, style, message: "Where are you now?" });
      events.type(typed);
      await settle();
      events.keypress("enter");
      await expect(answer, typed).resolves.toBe(value);
    }
  });

  it("shows a city with its country", async () => {
    const { answer, events, getScreen } = await ask(askPlace, { k: K, style, message: "Where are you now?" });
    events.type("Genf");
    await settle();
    expect(getScreen()).toMatch(/❯ Geneva, Switzerland/);
    events.keypress("enter");
    await answer;
    expect(getScreen()).toContain("✔ Where are you now? Geneva, Switzerland");
  });

  it("offers what the text said as the default", async () => {
    const { answer, events, getScreen } = await ask(askPlace, {
      k: K,
      style,
      message: "Where are you now?",
      prefill: { value: "Geneva", from: "from your words" },
    });
    await settle();
    expect(getScreen()).toMatch(/❯ Geneva, Switzerland \(from your words\)/);
    events.keypress("enter");
    await expect(answer).resolves.toBe("Geneva");
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const { answer, events } = await ask(askPlace, { k: K, style, message: "Where are you now?" });
    events.type("Gen");
    await settle();
    events.keypress(CTRL_C);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("the organization question", () => {
  it("lists organizations before anything is typed", async () => {
    const { answer, getScreen } = await ask(askOrg, { k: K, style, message: "Which international organization?" });
    await settle();
    expect(getScreen()).toContain("UN — United Nations, New York");
    answer.catch(() => undefined);
  });

  it("accepts acronyms and names in any case and language", async () => {
    for (const [typed, id] of [
      ["wto", "wto"],
      ["World Health Organization", "who"],
      ["OTAN", "nato"],
      ["unesco", "unesco"],
    ] as const) {
      const { answer, events } = await ask(askOrg, { k: K, style, message: "Which international organization?" });
      events.type(typed);
      await settle();
      events.keypress("enter");
      await expect(answer, typed).resolves.toBe(id);
    }
  });

  it("offers what the text said as the default", async () => {
    const { answer, events, getScreen } = await ask(askOrg, {
      k: K,
      style,
      message: "Which international organization?",
      prefill: { value: "wto", from: "from your words" },
    });
    await settle();
    expect(getScreen()).toMatch(/❯ WTO — World Trade Organization, Geneva \(from your words\)/);
    events.keypress("enter");
    await expect(answer).resolves.toBe("wto");
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const { answer, events } = await ask(askOrg, { k: K, style, message: "Which international organization?" });
    events.keypress(CTRL_C);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("anything else?", () => {
  it("defaults to no", async () => {
    const { answer, events, getScreen } = await ask(askAgain, { style });
    expect(getScreen()).toContain("Anything else? (y/N)");
    events.keypress("enter");
    await expect(answer).resolves.toBe(false);
  });

  it("asks again on yes", async () => {
    const { answer, events } = await ask(askAgain, { style });
    events.type("y");
    events.keypress("enter");
    await expect(answer).resolves.toBe(true);
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const { answer, events } = await ask(askAgain, { style });
    events.keypress(CTRL_C);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});
