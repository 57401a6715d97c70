/**
 * Compiles the bundled data into the indexes the engine works with. Pure: it takes parsed data
 * and returns lookup tables; it is run once per process (or once per overlay).
 */
import type { Organization } from "../../model/data-schemas.js";
import { defineCountryIndexes } from "./compile-country-names.js";
import { defineNameIndexes } from "./compile-name-indexes.js";
import { bilateralNamingOf, orgNamingOf } from "./compile-naming.js";
import { defineOfficeIndexes } from "./compile-offices.js";
import { defineVocabulary } from "./compile-vocabulary.js";
import type { DataSet, Knowledge } from "./knowledge-type.js";
import { indexDefiner, type IndexCache } from "./lazy-index.js";

/**
 * Builds the indexes from the data. Each group of indexes is built the first time it is used, so
 * `hubs --city Geneva` reads and indexes the cities and organizations and nothing else.
 */
export function compile(data: DataSet, cache?: IndexCache, today?: string): Knowledge {
  const k = { data } as Knowledge;
  // Read the memberships' date only when asked, so an index built here does not depend on that file.
  if (today) k.today = today;
  else Object.defineProperty(k, "today", { get: () => data.memberships.asOf, enumerable: true, configurable: true });
  const lazy = indexDefiner(k, cache);

  defineCountryIndexes(k, lazy);

  // --- cities, organizations and the hubs they make ---
  lazy("cities", () => new Map(data.cities.cities.map((c) => [c.id, c])));
  lazy("orgs", () => new Map(data.organizations.organizations.map((o) => [o.id, o])));
  lazy("hubs", () => {
    const hubs = new Map<string, Organization[]>();
    for (const o of data.organizations.organizations) {
      const list = hubs.get(o.city);
      if (list) list.push(o);
      else hubs.set(o.city, [o]);
    }
    return hubs;
  });

  // --- memberships and what follows from them ---
  // The bundled files are read without zod, so the lists' defaults are filled in here.
  lazy(
    "memberships",
    () =>
      new Map(
        data.memberships.lists.map((l) => [
          l.org,
          {
            ...l,
            otherMembers: l.otherMembers ?? [],
            associateMembers: l.associateMembers ?? [],
            participatingStates: l.participatingStates ?? [],
            observers: l.observers ?? [],
            otherObservers: l.otherObservers ?? [],
            partners: l.partners ?? [],
            suspended: l.suspended ?? [],
            changes: l.changes ?? [],
          },
        ]),
      ),
  );
  lazy(
    "unhcrRegistersAsylum",
    () =>
      new Set(data["country-extras"].countries.filter((e) => e.asylumRegistration?.by === "unhcr").map((e) => e.code)),
  );
  lazy(
    "stateRegistersAsylum",
    () =>
      new Set(data["country-extras"].countries.filter((e) => e.asylumRegistration?.by === "state").map((e) => e.code)),
  );
  lazy("apostille", () => {
    const list = k.memberships.get("hcch-apostille");
    return {
      parties: new Set(list?.members ?? []),
      // In force today: not withdrawn by now, and not one the depositary says has no legal effect.
      objections: new Set(
        (list?.objections ?? [])
          .filter((o) => !o.noLegalEffect && !(o.withdrawn && o.withdrawn <= k.today))
          .map((o) => `${o.party}>${o.against}`),
      ),
    };
  });
  lazy("rules", () => data.rules.rules);
  lazy("bilateralNaming", () => bilateralNamingOf(data["mission-naming"]));
  lazy("orgNaming", () => orgNamingOf(data["mission-naming"], data.organizations.organizations));

  // --- office types ---
  lazy("officeTypes", () => new Map(data["office-types"].officeTypes.map((t) => [t.id, t])));

  defineNameIndexes(k, lazy);
  defineOfficeIndexes(k, lazy);
  defineVocabulary(k, lazy);
  return k;
}
