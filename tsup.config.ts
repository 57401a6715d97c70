import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const define = { __VERSION__: JSON.stringify(pkg.version) };

export default defineConfig([
  // The library (ESM, with types) and the build-time entry points (schemas, index cache).
  {
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
    define,
    minify: true,
  },
  // The command-line program as one CommonJS file: Node 20 starts CommonJS faster than ES modules
  // (no module graph to resolve, one file to read). Everything is bundled but zod, and each
  // command's module, commander and the prompts are evaluated only when used (a dynamic import of
  // a bundled module stays lazy); zod is required from node_modules to validate an overlay.
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    target: "node20",
    platform: "node",
    splitting: true,
    shims: true,
    noExternal: [/^(?!zod$)/],
    external: ["zod"],
    define,
    minify: true,
  },
]);
