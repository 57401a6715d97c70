import { describe, expect, it } from "vitest";
import { findMentions } from "../../src/engine/recognise/mentions.js";
import { K } from "../support/knowledge.js";

const roles = (text: string) => findMentions(K, text).map((m) => [m.kind, m.country ?? m.id, m.role]);

describe("findMentions", () => {
  it("reads nationality and place", () => {
    expect(roles("I'm a Canadian in Geneva")).toEqual([
      ["demonym", "CA", "citizen"],
      ["city", "CH", "in"],
    ]);
  });

  it("reads cities in other languages and typos", () => {
    expect(roles("passeport perdu à Genf")).toEqual([["city", "CH", "in"]]);
    // Without its accent "a" could be English; the place is still found, with no part given.
    expect(roles("passeport perdu a Genève")).toEqual([["city", "CH", "none"]]);
    expect(roles("lost passport in Genva")).toEqual([["city", "CH", "in"]]);
  });

  it("tells a citizen's code from a destination", () => {
    expect(roles("lost pasport in Tokyo, I'm a US citizen")).toEqual([
      ["city", "JP", "in"],
      ["country", "US", "citizen"],
    ]);
    expect(roles("visa para Japón, vivo en México")).toEqual([
      ["country", "JP", "to"],
      ["country", "MX", "residence"],
    ]);
    expect(roles("I need a Chinese visa")).toEqual([["demonym", "CN", "to"]]);
  });

  it("does not read ordinary words as places", () => {
    expect(roles("that was nice of them, thank us")).toEqual([]);
    expect(roles("Mein Mann lebt in Deutschland")).toEqual([["country", "DE", "residence"]]);
  });

  it("finds organizations by acronym only when written as one", () => {
    expect(roles("un passeport pour le Canada").filter((r) => r[0] === "org")).toEqual([]);
    expect(roles("a job at the UN")).toEqual([["org", "un", "none"]]);
    expect(roles("Stellen bei den Vereinten Nationen")).toEqual([["org", "un", "none"]]);
  });

  it("tells the speaker's nationality from one said in passing", () => {
    expect(roles("I'm a kiwi living in Rome, my fiancee is Italian")).toEqual([
      ["demonym", "NZ", "citizen"],
      ["city", "IT", "residence"],
      ["demonym", "IT", "nationality"],
    ]);
    expect(roles("my IR degree from ANU")).toEqual([]);
  });

  it("finds world cities not in our own list", () => {
    expect(roles("stuck in Cúcuta")).toEqual([["city", "CO", "residence"]]);
    expect(roles("lost my passport in Agadir")).toEqual([["city", "MA", "in"]]);
  });

  it("settles names the package gives to several countries", () => {
    expect(roles("je suis français")).toEqual([["demonym", "FR", "citizen"]]);
    expect(roles("I'm Norwegian")).toEqual([["demonym", "NO", "citizen"]]);
  });
});

/** The mentions of one kind in a text: countries for places and nationalities, ids for organizations. */
function found(kind: "city" | "demonym" | "org", text: string): string[] {
  return findMentions(K, text)
    .filter((m) => m.kind === kind)
    .map((m) => (kind === "org" ? m.id : m.country!));
}

describe("what a nationality qualifies", () => {
  const q = (text: string): [string | null, string | undefined][] =>
    findMentions(K, text)
      .filter((m) => m.kind === "demonym")
      .map((m) => [m.country, m.qualifies]);

  it("tells the party acting from the one sought, in either word order", () => {
    expect(q("German firms look for partners in Colombia")).toEqual([["DE", "actor"]]);
    expect(q("we want to meet Indonesian partners")).toEqual([["ID", "sought"]]);
    expect(q("queremos entrar al mercado vietnamita")).toEqual([["VN", "sought"]]);
    expect(q("una empresa chilena de vinos")).toEqual([["CL", "actor"]]);
  });

  it("reads the noun at the end of a compound", () => {
    expect(q("een Nederlandse tuinbouwonderneming")).toEqual([["NL", "actor"]]);
  });

  it("leaves a nationality alone next to other words", () => {
    expect(q("I am Canadian and live in Lyon")).toEqual([["CA", undefined]]);
  });
});

describe("small world cities", () => {
  it("count right after a word that introduces a place, and not otherwise", () => {
    expect(found("city", "una azienda di Sassuolo")).toEqual(["IT"]);
    expect(found("city", "Sassuolo ceramics are famous")).toEqual([]);
  });
});

describe("languages and lower-case cities", () => {
  it("reads a nationality after 'speak' or 'en' as a language", () => {
    expect(found("demonym", "nobody at the hospital will speak English to us")).toEqual([]);
    expect(found("demonym", "le formulaire est en français")).toEqual([]);
    expect(found("demonym", "we are English and live in Spain")).toEqual(["GB"]);
  });

  it("takes a big city in lower case right after a word for a place, not elsewhere", () => {
    expect(found("city", "flight back to cochabamba is sunday")).toEqual(["BO"]);
    expect(found("city", "cochabamba is far")).toEqual([]);
  });
});

describe("acronyms in lower case", () => {
  it("count right after an article or preposition that names an organization", () => {
    expect(found("org", "ständige vertretung bei der eu")).toEqual(["eu"]);
    expect(found("org", "rappresentanza permanente presso l'ue")).toEqual(["eu"]);
  });

  it("not elsewhere, and 'who' never", () => {
    expect(found("org", "eu perdi meu passaporte")).toEqual([]);
    expect(found("org", "to who should I write")).toEqual([]);
  });
});
