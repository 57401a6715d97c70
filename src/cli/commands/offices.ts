/** `offices`: a state's real embassies, consulates and other offices, or every office in a city. */
import { DIRECTORY_OFFICE_TYPES } from "../../model/vocabularies.js";
import { officeTitle } from "../../engine/answer/office-answer.js";
import type { DirectoryOffice } from "../../engine/lookup/office-choice.js";
import { norm } from "../../engine/lookup/office-directory.js";
import { resolveCountry, resolvePlace } from "../../engine/lookup/resolve-names.js";
import { NotFoundError, UsageError } from "../cli-errors.js";
import { out, outJson } from "../output.js";
import { table, widths } from "../renderers/table.js";
import { knowledge, lookup, width, type GlobalOptions } from "./command-context.js";

export interface OfficesFlags extends GlobalOptions {
  of?: string;
  in?: string;
  type?: string;
}

export async function run(flags: OfficesFlags): Promise<number> {
  if (!flags.of && !flags.in) {
    throw new UsageError(
      "offices needs --of or --in: mission-guide offices --of AU --in Switzerland, or offices --in Geneva",
      "missing-country",
    );
  }
  if (flags.type && !(DIRECTORY_OFFICE_TYPES as readonly string[]).includes(flags.type)) {
    throw new UsageError(
      `Unknown office type "${flags.type}". Use one of: ${DIRECTORY_OFFICE_TYPES.join(", ")}`,
      "unknown-office-type",
    );
  }
  const k = await knowledge(flags);
  const state = flags.of ? lookup(() => resolveCountry(k, flags.of!)) : null;
  const place = flags.in ? lookup(() => resolvePlace(k, flags.in!)) : null;
  let list: DirectoryOffice[] = [];
  for (const [key, offices] of k.officesByPair) {
    const [operator, host] = key.split(">");
    if (state && operator !== state.code) continue;
    if (place && host !== place.country) continue;
    list.push(...offices);
  }
  if (place?.city) list = list.filter((o) => norm(o.city) === norm(place.city));
  if (flags.type) list = list.filter((o) => o.type === flags.type);
  list.sort(
    (a, b) =>
      a.operator.localeCompare(b.operator) ||
      a.host.localeCompare(b.host) ||
      (a.city ?? "").localeCompare(b.city ?? "") ||
      a.type.localeCompare(b.type),
  );
  const whose = state ? `of ${state.name}` : "";
  const where = place ? `in ${place.city ?? lookup(() => resolveCountry(k, place.country)).name}` : "";
  if (list.length === 0) {
    throw new NotFoundError(
      `No offices ${[whose, where].filter(Boolean).join(" ")} on record${flags.type ? ` of type ${flags.type}` : ""}. The directory is incomplete: check the foreign ministry's list.`,
      "no-offices",
    );
  }
  const src = k.data.offices.source;
  if (flags.json) {
    outJson({
      schemaVersion: 1,
      offices: list.map((o) => ({
        operator: o.operator,
        host: o.host,
        type: o.type,
        city: o.city,
        name: officeTitle(k, o),
        contact: o.contact,
        ...(o.services ? { services: o.services } : {}),
        ...(o.notOffered.length > 0 ? { notOffered: o.notOffered } : {}),
        directory: { id: o.id, source: o.source, asOf: o.asOf },
      })),
    });
    return 0;
  }
  out(`Offices ${[whose, where].filter(Boolean).join(" ")} on record`);
  out(
    await table(
      ["Type", "Office", "City", "Phone", "Website"],
      list.map((o) => [
        o.type,
        officeTitle(k, o) + (o.notOffered.length > 0 ? ` (no ${o.notOffered.join(", ")})` : ""),
        o.city ?? "",
        o.contact.phone ?? "",
        o.contact.website ?? "",
      ]),
      widths(width(), [4, 8, 3, 3, 4]),
    ),
  );
  out(
    `From ${src.title}, snapshot ${src.snapshotDate ?? "?"} (${src.licence}), with curated corrections. Not on record is not the same as none.`,
  );
  return 0;
}
