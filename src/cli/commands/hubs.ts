/** `hubs`: cities that host international organizations, and what each hosts. */
import { findHubs } from "../../engine/lookup/reference-lists.js";
import { findOrg } from "../../engine/lookup/resolve-names.js";
import { NotFoundError } from "../cli-errors.js";
import { out, outJson } from "../output.js";
import { table, widths } from "../renderers/table.js";
import { knowledge, lookup, width, type GlobalOptions } from "./command-context.js";

export interface HubsFlags extends GlobalOptions {
  city?: string;
  org?: string;
  country?: string;
}

export async function run(flags: HubsFlags): Promise<number> {
  const k = await knowledge(flags);
  const hubs = lookup(() => findHubs(k, flags));
  if (hubs.length === 0) {
    // With an organization asked about, say where it is rather than that the city hosts nothing.
    const org = flags.org && flags.city ? findOrg(k, flags.org) : null;
    const seat = org ? k.cities.get(org.city)?.name : undefined;
    const what =
      org && seat
        ? `${flags.city} does not host the ${org.acronym}: the ${org.acronym} is in ${seat}`
        : flags.city
          ? `${flags.city} hosts none of the organizations we know of`
          : "No hub matches those filters";
    throw new NotFoundError(`${what}. List all hubs with: mission-guide hubs`, "no-hub");
  }
  if (flags.json) {
    outJson({ schemaVersion: 1, hubs });
    return 0;
  }
  const w = width();
  if (hubs.length === 1) {
    const h = hubs[0]!;
    const country = k.countries.get(h.country)?.name ?? h.country;
    out(`${h.city}, ${country}${h.names.length ? ` (${h.names.join(", ")})` : ""}`);
    out(
      await table(
        ["Org", "Name", "Field", "A state's mission there is called"],
        h.organizations.map((o) => [
          o.acronym,
          o.name,
          o.field,
          o.missionStyle?.replace("{state}", "X") ?? "(no missions)",
        ]),
        widths(w, [2, 5, 2, 6]),
      ),
    );
    return 0;
  }
  out(
    await table(
      ["City", "Country", "Organizations"],
      hubs.map((h) => [h.city, h.country, h.organizations.map((o) => o.acronym).join(", ")]),
      widths(w, [2, 1, 7]),
    ),
  );
  return 0;
}
