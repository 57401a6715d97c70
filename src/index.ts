/**
 * mission-guide as a library. Importing has no side effects; the data is read on first use.
 *
 *   import { classify } from "mission-guide";
 *   const a = classify("lost my passport", { citizen: "CA", in: "Geneva" });
 *   a.answer?.title; // "Embassy of Canada in Switzerland"
 */
import { getKnowledge } from "./store/knowledge-store.js";
import { classify as classifyWith, type Answer, type ClassifyOptions } from "./engine/answer/classify-need.js";
import {
  findHubs as findHubsWith,
  findOrgs as findOrgsWith,
  listNeeds as listNeedsWith,
} from "./engine/lookup/reference-lists.js";
import {
  findCountry as findCountryWith,
  findPlace as findPlaceWith,
  resolveCountry as resolveCountryWith,
  resolveOfficeType as resolveOfficeTypeWith,
  resolveOrg as resolveOrgWith,
  resolvePlace as resolvePlaceWith,
} from "./engine/lookup/resolve-names.js";

export type { Answer, ClassifyOptions, SourceRef } from "./engine/answer/classify-need.js";
export type { Hub, OrgView, NeedView, MemberStatus } from "./engine/lookup/reference-lists.js";
export type { Place } from "./engine/lookup/resolve-names.js";
export type { CountryInfo, Knowledge } from "./engine/knowledge/knowledge-type.js";
export { EngineError, type EngineErrorCode } from "./engine/engine-error.js";
export { fold } from "./engine/text/fold.js";

/** Which office serves a need stated in words. Options override what the text says. */
export function classify(text: string, options: ClassifyOptions = {}): Answer {
  return classifyWith(getKnowledge(), text, options);
}
/** A country by code, name or nationality; throws EngineError with suggestions if unknown. */
export const resolveCountry = (input: string) => resolveCountryWith(getKnowledge(), input);
/** A country, or null. */
export const findCountry = (input: string) => findCountryWith(getKnowledge(), input);
/** A city or country, resolved to a country (and city); throws EngineError if unknown. */
export const resolvePlace = (input: string) => resolvePlaceWith(getKnowledge(), input);
/** A place, or null. */
export const findPlace = (input: string) => findPlaceWith(getKnowledge(), input);
/** An international organization by acronym or name; throws EngineError if unknown. */
export const resolveOrg = (input: string) => resolveOrgWith(getKnowledge(), input);
/** An office type from the glossary; throws EngineError if unknown. */
export const resolveOfficeType = (input: string) => resolveOfficeTypeWith(getKnowledge(), input);
/** Cities hosting international organizations, optionally filtered. */
export const findHubs = (filter: { city?: string; org?: string; country?: string } = {}) =>
  findHubsWith(getKnowledge(), filter);
/** International organizations, optionally filtered. */
export const findOrgs = (filter: { org?: string; city?: string; member?: string } = {}) =>
  findOrgsWith(getKnowledge(), filter);
/** The needs catalogue with the office each goes to. */
export const listNeeds = (category?: string) => listNeedsWith(getKnowledge(), category);
