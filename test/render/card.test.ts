/** A few golden answer cards: the text a person reads, fixed so that changes are seen in review. */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { renderCard } from "../../src/cli/renderers/answer-card.js";
import { PLAIN } from "../../src/cli/renderers/style.js";
import { K } from "../support/knowledge.js";

const CASES: [name: string, text: string, flags: Record<string, string>][] = [
  ["canadian-in-geneva", "I'm a Canadian in Geneva and lost my passport", {}],
  ["american-in-new-york", "renew my passport", { citizen: "US", in: "New York" }],
  ["wto-dispute", "raise a WTO dispute", { citizen: "CA" }],
  ["visa-from-mexico", "necesito una visa de turista para Japón, vivo en México", {}],
  ["lost-luggage", "the airline lost my suitcase", {}],
  ["not-recognised", "purple elephants dance quietly", {}],
];

describe("answer cards", () => {
  it.each(CASES)("%s", async (name, text, flags) => {
    const card = renderCard(classify(K, text, flags), PLAIN, { width: 88 });
    await expect(card).toMatchFileSnapshot(`golden/${name}.txt`);
  });

  it("adds the trace and sources with explain", () => {
    const card = renderCard(classify(K, "lost my passport", { citizen: "CA", in: "CH" }), PLAIN, { explain: true });
    expect(card).toContain("Rule trace");
    expect(card).toContain("Sources");
    expect(card).toMatch(/✗ no-office-needed/);
  });
});
