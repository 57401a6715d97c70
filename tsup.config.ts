import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// Code-split ESM: each command is its own chunk, loaded only when that command runs, so a
// flag-driven command does not pay for other commands (or, later, for the interactive prompts).
export default defineConfig({
  entry: {
    cli: "src/cli.ts",
    index: "src/index.ts",
    "output-schemas": "src/schema/output.ts",
    internal: "src/internal.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  splitting: true,
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: false,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  noExternal: ["commander"],
  // commander is CommonJS: bundled into ESM it needs a require.
  banner: { js: `import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);` },
  minify: true,
});
