/**
 * Roles read in the languages added by issue 13 (Russian, Polish, Turkish, Arabic, Chinese,
 * Japanese): whose citizen, where the person is, where they go — from grammar and cue words in
 * data/lexicon.json and country names in those languages, on small inputs written for this test.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { findMentions } from "../../src/engine/recognise/mentions.js";
import { rawTokens } from "../../src/engine/text/fold.js";
import { getKnowledge } from "../../src/store/knowledge-store.js";

const k = getKnowledge();
/** The roles classify read from a text alone. */
const roles = (text: string): { citizen: string | null; in: string | null; to: string | null } => {
  const a = classify(k, text);
  return { citizen: a.input.citizen, in: a.input.in?.country ?? null, to: a.input.to };
};
/** Each mention's country and role. */
const mentions = (text: string): [string | null, string][] => findMentions(k, text).map((m) => [m.country, m.role]);

describe("Chinese and Japanese are read character by character", () => {
  it("splits Chinese and kana into one token per character, other scripts as words", () => {
    expect(rawTokens("在德国 visa").map((t) => t.folded)).toEqual(["在", "德", "国", "visa"]);
    // Folding drops the voicing marks (ド → ト), in names and cues alike.
    expect(rawTokens("ドイツで").map((t) => t.folded)).toEqual(["ト", "イ", "ツ", "て"]);
  });
});

describe("Russian", () => {
  it("reads a citizen from 'гражданин' and a place from 'в' (inflected names, one letter off)", () => {
    expect(roles("Я гражданин Казахстана, потерял паспорт в Германии")).toMatchObject({ citizen: "KZ", in: "DE" });
  });
  it("reads a destination from 'визу в' / 'виза в'", () => {
    expect(roles("нужна виза в Японию").to).toBe("JP");
  });
  it("reads where one comes from with 'из'", () => {
    expect(mentions("я из Франции")).toEqual([["FR", "origin"]]);
  });
});

describe("Polish", () => {
  it("reads a citizen from 'obywatelem'", () => {
    expect(roles("Jestem obywatelem Ukrainy, zgubiłem paszport").citizen).toBe("UA");
  });
  it("reads a destination from 'wiza do'", () => {
    expect(mentions("wiza do Japonii")).toEqual([["JP", "to"]]);
  });
});

describe("Turkish", () => {
  it("reads a citizen from 'vatandaşıyım' after the country", () => {
    expect(roles("Türkiye vatandaşıyım, pasaportumu kaybettim").citizen).toBe("TR");
  });
  it("reads a destination from 'vizesi' after the country", () => {
    expect(mentions("Almanya vizesi")).toEqual([["DE", "to"]]);
  });
  it("reads where one is from a locative after an apostrophe ('Almanya'daki')", () => {
    expect(mentions("Almanya'daki konsolosluk")).toEqual([["DE", "in"]]);
  });
});

describe("Arabic", () => {
  it("reads where one comes from ('من') and where one lives ('أعيش في')", () => {
    expect(mentions("أنا من مصر، أعيش في ألمانيا")).toEqual([
      ["EG", "origin"],
      ["DE", "residence"],
    ]);
  });
  it("reads a destination from 'إلى'", () => {
    expect(mentions("تأشيرة إلى اليابان")).toEqual([["JP", "to"]]);
  });
});

describe("Chinese", () => {
  it("reads a citizen from '人' after a country and a place from '在'", () => {
    expect(roles("我是中国人，在德国丢了护照")).toMatchObject({ citizen: "CN", in: "DE" });
  });
  it("reads a destination from '去'", () => {
    expect(mentions("去日本")).toEqual([["JP", "to"]]);
  });
});

describe("Japanese", () => {
  it("reads a citizen from '人' and a place from the postposition 'で'", () => {
    expect(roles("日本人です。ドイツでパスポートをなくしました")).toMatchObject({ citizen: "JP", in: "DE" });
  });
  it("reads a destination from 'へ' and where one comes from from 'から'", () => {
    expect(mentions("フランスへ")).toEqual([["FR", "to"]]);
    expect(mentions("韓国から")).toEqual([["KR", "origin"]]);
  });
});
