import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// The library (ESM, with types) and the build-time entry points. The command-line program is built
// apart, as one CommonJS file, by scripts/build-cli.mjs (see there for why).
export default defineConfig({
  entry: {
    index: "src/index.ts",
    "output-schemas": "src/model/output-schemas.ts",
    internal: "src/store/build-index-cache.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: false,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  minify: true,
});
