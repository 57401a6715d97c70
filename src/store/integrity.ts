/**
 * Cross-reference checks over a whole data set: unique ids and every reference resolving.
 * Returns problems rather than throwing, so `data --check` can list them all.
 */
import { fold } from "../engine/text/fold.js";
import { termWords } from "../engine/knowledge/compile-vocabulary.js";
import { REQUIRED_LANGS, type FileData } from "../model/data-schemas.js";

export interface Problem {
  file: string;
  path: string;
  reason: string;
}

function dupes<T>(items: T[], key: (t: T) => string, file: string, path: string, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push({ file, path: `${path}.${i}`, reason: `duplicate id "${k}"` });
    seen.add(k);
  });
  return seen;
}

export function crossCheck(d: FileData, label: (name: string) => string = (n) => `data/${n}.json`): Problem[] {
  const out: Problem[] = [];
  const countries = dupes(d.countries.countries, (c) => c.code, label("countries"), "countries", out);
  const concepts = dupes(d.lexicon.concepts, (c) => c.id, label("lexicon"), "concepts", out);
  const orgs = dupes(d.organizations.organizations, (o) => o.id, label("organizations"), "organizations", out);
  const cities = dupes(d.cities.cities, (c) => c.id, label("cities"), "cities", out);
  dupes(d["office-types"].officeTypes, (t) => t.id, label("office-types"), "officeTypes", out);
  dupes(d.rules.rules, (r) => r.id, label("rules"), "rules", out);
  dupes(d.needs.needs, (n) => n.id, label("needs"), "needs", out);
  dupes(d["country-extras"].countries, (c) => c.code, label("country-extras"), "countries", out);

  const cityCountry = new Map(d.cities.cities.map((c) => [c.id, c.country]));
  /** Every country code a file refers to must be a country of the package. */
  const knownCountry = (file: string, path: string, code: string): void => {
    if (!countries.has(code)) out.push({ file: label(file), path, reason: `unknown country "${code}"` });
  };
  d.cities.cities.forEach((c, i) => knownCountry("cities", `cities.${i}.country`, c.country));
  d.organizations.organizations.forEach((o, i) => {
    const at = `organizations.${i}`;
    if (!cities.has(o.city))
      out.push({ file: label("organizations"), path: `${at}.city`, reason: `unknown city "${o.city}"` });
    else if (cityCountry.get(o.city) !== o.country)
      out.push({
        file: label("organizations"),
        path: `${at}.country`,
        reason: `"${o.country}" is not the country of city "${o.city}"`,
      });
    if (o.parent && !orgs.has(o.parent))
      out.push({ file: label("organizations"), path: `${at}.parent`, reason: `unknown organization "${o.parent}"` });
  });
  const stop = new Set(d.lexicon.stopwords.map(fold));
  const needIds = new Set(d.needs.needs.map((n) => n.id));
  const categories = new Set(d.needs.needs.map((n) => n.category));
  d.lexicon.concepts.forEach((c, i) => {
    for (const [lang, list] of Object.entries(c.terms)) {
      list.forEach((t, j) => {
        const w = termWords(t, stop).words;
        if (w.length === 1 && stop.has(w[0]!))
          out.push({
            file: label("lexicon"),
            path: `concepts.${i}.terms.${lang}.${j}`,
            reason: `"${t}" is a stop-word and never matches`,
          });
      });
    }
  });
  const refOk = (c: string): boolean =>
    concepts.has(c) || c === "org:*" || (c.startsWith("org:") && orgs.has(c.slice(4)));
  d.needs.needs.forEach((n, i) => {
    const at = `needs.${i}`;
    n.signals.forEach((s, j) => {
      if (!refOk(s.concept))
        out.push({ file: label("needs"), path: `${at}.signals.${j}`, reason: `unknown concept "${s.concept}"` });
    });
    for (const field of ["all", "any"] as const) {
      n[field].forEach((c, j) => {
        if (!refOk(c))
          out.push({ file: label("needs"), path: `${at}.${field}.${j}`, reason: `unknown concept "${c}"` });
      });
    }
    n.refines.forEach((r, j) => {
      if (!needIds.has(r) && !categories.has(r as never))
        out.push({ file: label("needs"), path: `${at}.refines.${j}`, reason: `no need or category "${r}"` });
    });
    for (const kind of ["terms", "phrases"] as const) {
      for (const [lang, list] of Object.entries(n[kind])) {
        list.forEach((t, j) => {
          const w = termWords(t, stop).words;
          if (w.length === 1 && stop.has(w[0]!))
            out.push({
              file: label("needs"),
              path: `${at}.${kind}.${lang}.${j}`,
              reason: `"${t}" is a stop-word and never matches`,
            });
        });
      }
    }
    if (n.org && !orgs.has(n.org))
      out.push({ file: label("needs"), path: `${at}.org`, reason: `unknown organization "${n.org}"` });
    for (const lang of REQUIRED_LANGS) {
      if ((n.phrases[lang]?.length ?? 0) + (n.terms[lang]?.length ?? 0) === 0)
        out.push({
          file: label("needs"),
          path: `${at}.phrases.${lang}`,
          reason: `no terms or phrases in "${lang}"`,
        });
    }
    if (n.category === "none" && !n.instead)
      out.push({
        file: label("needs"),
        path: `${at}.instead`,
        reason: "a need no office serves must say what to do instead",
      });
  });
  d["country-extras"].countries.forEach((c, i) => knownCountry("country-extras", `countries.${i}.code`, c.code));
  d["world-cities"].cities.forEach((c, i) => knownCountry("world-cities", `cities.${i}.1`, c[1]));
  d["embassy-seats"].seats.forEach((st, i) => knownCountry("embassy-seats", `seats.${i}.country`, st.country));
  d.rules.rules.forEach((r, i) => {
    r.when.forEach((c, j) => {
      const needsValue = c.op === "eq" || c.op === "ne" || c.op === "in" || c.op === "notIn";
      if (needsValue && c.value === undefined)
        out.push({
          file: label("rules"),
          path: `rules.${i}.when.${j}.value`,
          reason: `operator "${c.op}" needs a value`,
        });
      if ((c.op === "in" || c.op === "notIn") && !Array.isArray(c.value))
        out.push({
          file: label("rules"),
          path: `rules.${i}.when.${j}.value`,
          reason: `operator "${c.op}" needs a list`,
        });
      if (c.fact === "need.category") {
        for (const v of [c.value ?? []].flat())
          if (!categories.has(v as never))
            out.push({
              file: label("rules"),
              path: `rules.${i}.when.${j}.value`,
              reason: `no need has category "${v}"`,
            });
      }
    });
  });
  checkMemberships(d, label, knownCountry, orgs, out);
  return out;
}

/**
 * Memberships and mission naming: every code a country, every organization known, counts that
 * add up, dated changes that agree with the list (a state still listed has not left; one that has
 * left is not listed), and no office of a non-member named as a member's.
 */
function checkMemberships(
  d: FileData,
  label: (name: string) => string,
  knownCountry: (file: string, path: string, code: string) => void,
  orgs: Set<string>,
  out: Problem[],
): void {
  const file = label("memberships");
  const problem = (path: string, reason: string): void => void out.push({ file, path, reason });
  const NON_ORG_LISTS = new Set(["hcch-apostille"]);
  const byOrg = new Map<string, FileData["memberships"]["lists"][number]>();
  d.memberships.lists.forEach((l, i) => {
    const at = `lists.${i}`;
    if (byOrg.has(l.org)) problem(`${at}.org`, `duplicate list for "${l.org}"`);
    byOrg.set(l.org, l);
    if (!orgs.has(l.org) && !NON_ORG_LISTS.has(l.org)) problem(`${at}.org`, `unknown organization "${l.org}"`);
    const codeLists = {
      members: l.members ?? [],
      associateMembers: l.associateMembers ?? [],
      participatingStates: l.participatingStates ?? [],
      observers: l.observers ?? [],
      partners: l.partners ?? [],
      suspended: l.suspended ?? [],
    };
    for (const [field, codes] of Object.entries(codeLists)) {
      const seen = new Set<string>();
      codes.forEach((c, j) => {
        knownCountry("memberships", `${at}.${field}.${j}`, c);
        if (seen.has(c)) problem(`${at}.${field}.${j}`, `"${c}" listed twice`);
        seen.add(c);
      });
    }
    const members = new Set(l.members ?? []);
    for (const c of l.suspended ?? [])
      if (l.members && !members.has(c)) problem(`${at}.suspended`, `suspended "${c}" is not a member`);
    for (const field of ["associateMembers", "observers", "partners"] as const)
      for (const c of l[field] ?? []) if (members.has(c)) problem(`${at}.${field}`, `"${c}" is also a full member`);
    // The count is the organization's: states, other members, each group of territories once.
    if (l.members && l.count !== null && !l.membersIncomplete) {
      const grouped = new Set((l.memberGroups ?? []).flatMap((g) => g.codes));
      const others = (l.otherMembers ?? []).filter((c) => !grouped.has(c)).length;
      const total = l.members.length + others + (l.memberGroups?.length ?? 0);
      if (total !== l.count) problem(`${at}.count`, `count ${l.count} but the list makes ${total}`);
    }
    if (l.members && l.count !== null && l.membersIncomplete && l.members.length >= l.count)
      problem(`${at}.membersIncomplete`, "marked incomplete but lists the whole count");
    const changed = new Set<string>();
    (l.changes ?? []).forEach((c, j) => {
      const cat = `${at}.changes.${j}`;
      knownCountry("memberships", `${cat}.code`, c.code);
      if (changed.has(c.code)) problem(`${cat}.code`, `two changes for "${c.code}"`);
      changed.add(c.code);
      if (c.announced && c.effective && c.announced > c.effective)
        problem(`${cat}.announced`, "announced after it took effect");
      if (c.standing !== "withdrawal-pending" && c.effective === null)
        problem(`${cat}.effective`, `a "${c.standing}" change needs its date`);
      if (!l.members) return;
      const left = c.standing === "withdrawn" && c.effective !== null && c.effective <= l.asOf && !c.disputed;
      if (left && members.has(c.code)) problem(`${cat}.code`, `"${c.code}" has withdrawn but is still listed`);
      if (!left && !members.has(c.code))
        problem(`${cat}.code`, `"${c.code}" is not a member, so it cannot be ${c.standing}`);
      if (c.standing === "suspended" && !(l.suspended ?? []).includes(c.code))
        problem(`${cat}.code`, `"${c.code}" is suspended but not in suspended`);
    });
    (l.parties ?? []).forEach((p, j) => knownCountry("memberships", `${at}.parties.${j}.code`, p.code));
    (l.objections ?? []).forEach((o, j) => {
      knownCountry("memberships", `${at}.objections.${j}.party`, o.party);
      knownCountry("memberships", `${at}.objections.${j}.against`, o.against);
      if (l.members && !members.has(o.party) && !o.withdrawn)
        problem(`${at}.objections.${j}.party`, `"${o.party}" is not a party`);
    });
  });

  const naming = d["mission-naming"];
  const nfile = label("mission-naming");
  const nproblem = (path: string, reason: string): void => void out.push({ file: nfile, path, reason });
  const memberOf = (org: string, code: string): boolean | null => {
    const l = byOrg.get(org) ?? byOrg.get(d.organizations.organizations.find((o) => o.id === org)?.parent ?? "");
    if (!l?.members) return null;
    return l.members.includes(code);
  };
  naming.orgStyles.forEach((o, i) => {
    if (!orgs.has(o.org)) nproblem(`orgStyles.${i}.org`, `unknown organization "${o.org}"`);
    knownCountry("mission-naming", `orgStyles.${i}.state`, o.state);
  });
  (naming.nonMemberOffices ?? []).forEach((o, i) => {
    if (!orgs.has(o.org)) nproblem(`nonMemberOffices.${i}.org`, `unknown organization "${o.org}"`);
    knownCountry("mission-naming", `nonMemberOffices.${i}.state`, o.state);
    if (memberOf(o.org, o.state)) nproblem(`nonMemberOffices.${i}.state`, `"${o.state}" is a member of "${o.org}"`);
  });
  (naming.holySeeRepresentation ?? []).forEach((h, i) =>
    knownCountry("mission-naming", `holySeeRepresentation.${i}.state`, h.state),
  );
  const allies = naming.taiwanAllies;
  if (allies) {
    allies.states.forEach((c, i) => knownCountry("mission-naming", `taiwanAllies.states.${i}`, c));
    if (allies.states.length !== allies.count)
      nproblem("taiwanAllies.count", `count ${allies.count} but ${allies.states.length} states listed`);
  }
  const styleOf = new Map(d.organizations.organizations.map((o) => [o.id, o.missionStyle]));
  (naming.orgConventions ?? []).forEach((c, i) =>
    c.orgs.forEach((org, j) => {
      if (!orgs.has(org)) nproblem(`orgConventions.${i}.orgs.${j}`, `unknown organization "${org}"`);
      // A null style says the names vary (NATO): the organization's default stands.
      else if (c.style !== null && styleOf.get(org) !== c.style)
        nproblem(`orgConventions.${i}.orgs.${j}`, `"${org}"'s missionStyle is not the convention's style`);
    }),
  );
}
