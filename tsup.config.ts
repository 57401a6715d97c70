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
  // The command-line program as CommonJS (Node 20 starts CommonJS faster than ES modules: no
  // module graph to resolve), split into chunks required when first used: a one-shot classify
  // compiles the engine and its command (~150 KB), not commander, the prompts or the other
  // commands. Everything is bundled but zod, required from node_modules to validate an overlay.
  {
    // The worker threads of a long `classify --stdin` run a file of their own (batch-pool.ts).
    // bin/ loads the code cache's hook first (src/cli/code-cache.ts), then the program.
    entry: { cli: "src/cli/main.ts", "batch-worker": "src/cli/batch-worker.ts", "code-cache": "src/cli/code-cache.ts" },
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    target: "node20",
    platform: "node",
    splitting: true,
    shims: true,
    noExternal: [/^(?!zod$)/],
    external: ["zod"],
    define,
    // Not minifySyntax: with it, tsup's CommonJS code splitting (sucrase, after esbuild) inserts
    // class-field initialisers into comma expressions ("super(),this.x=…") and breaks the prompts.
    minifyWhitespace: true,
    minifyIdentifiers: true,
  },
]);
