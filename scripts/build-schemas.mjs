// Writes schema/<name>.schema.json from the zod schemas of the outputs (src/model/output-schemas.ts),
// through the built dist/output-schemas.js. Run by `npm run build` after tsup.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

const { jsonSchemas } = await import(new URL("../dist/output-schemas.js", import.meta.url));
const dir = new URL("../schema/", import.meta.url);
// From scratch: a schema no longer generated must not linger in the package.
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`${name}.schema.json`, dir), JSON.stringify(schema, null, 2) + "\n");
}
