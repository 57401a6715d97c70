import { describe, expect, it } from "vitest";
import { COMBINE, combineNeeds } from "../../src/engine/recognise/need-model-combine.js";

const none = { best: null, ranked: [] };
const model =
  (...ps: [string, number][]) =>
  () =>
    ps.map(([need, p]) => ({ need, p }));

describe("combineNeeds", () => {
  it("keeps a strong rules reading without asking the model", () => {
    let asked = false;
    const r = combineNeeds(
      { best: { need: "passport-lost", confidence: 0.8 }, ranked: [{ need: "passport-lost", confidence: 0.8 }] },
      () => {
        asked = true;
        return null;
      },
    );
    expect(r).toMatchObject({ need: "passport-lost", source: "engine", uncertain: false });
    expect(asked).toBe(false);
  });

  it("takes the model's need when the rules find none, sure when it is", () => {
    const r = combineNeeds(none, model(["visa-student", 0.92], ["visa-work", 0.03]));
    expect(r).toMatchObject({ need: "visa-student", source: "model", uncertain: false });
  });

  it("is unsure between close candidates and offers them", () => {
    const r = combineNeeds(
      none,
      model(["passport-application", 0.4], ["passport-renewal", 0.35], ["passport-lost", 0.2]),
    );
    expect(r.need).toBe("passport-application");
    expect(r.uncertain).toBe(true);
    expect(r.candidates.map((c) => c.need)).toEqual(["passport-application", "passport-renewal", "passport-lost"]);
  });

  it("reads no need when the model is not even weakly sure, but still offers candidates", () => {
    const r = combineNeeds(none, model(["lost-luggage", 0.09], ["flight-problem", 0.08]));
    expect(r.need).toBeNull();
    expect(r.candidates.map((c) => c.need)).toEqual(["lost-luggage", "flight-problem"]);
  });

  it("keeps a weak rules reading against the model, unsure, unless told to let the model override", () => {
    const weak = {
      best: { need: "visa-student", confidence: 0.3 },
      ranked: [{ need: "visa-student", confidence: 0.3 }],
    };
    expect(combineNeeds(weak, model(["visa-extension", 0.85]))).toMatchObject({
      need: "visa-student",
      uncertain: true,
    });
    const override = { ...COMBINE, modelOverride: 0.6 };
    expect(combineNeeds(weak, model(["visa-extension", 0.85]), override).need).toBe("visa-extension");
    expect(combineNeeds(weak, model(["visa-extension", 0.4], ["visa-student", 0.3]), override).need).toBe(
      "visa-student",
    );
  });
});
