// Writes dist/cli.cjs: the command-line program as one CommonJS file. Start-up is most of what a
// one-shot command costs, and Node 20 starts CommonJS faster than ES modules (no ESM loader, no
// module graph to resolve, one file to read). Modules are still evaluated only when used: each
// command's code runs when that command does; commander, prompts and zod are loaded on demand.
// The first line names the build (a hash of the rest): bin/mission-guide.cjs uses V8's code cache
// (dist/cli.cjs.cache, written by scripts/build-code-cache.mjs) only if it was made for this build.
// Run by `npm run build`; the library (dist/index.js, ESM) is built by tsup.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

// The prompt packages are ES modules with a CommonJS build beside them. Our sources import their
// default export as ES modules do; from CommonJS that default is `.default` of what require()
// returns, so each is reached through a small ES module that says so.
const PROMPTS = /^@inquirer\/(?:search|confirm)$/;
const promptsFromCommonJs = {
  name: "prompts-from-commonjs",
  setup(b) {
    b.onResolve({ filter: PROMPTS }, (a) =>
      a.namespace === "prompts" ? { path: a.path, external: true } : { path: a.path, namespace: "prompts" },
    );
    b.onLoad({ filter: /.*/, namespace: "prompts" }, (a) => ({
      contents: `const m = require(${JSON.stringify(a.path)}); export default m.default; export const Separator = m.Separator;`,
      loader: "js",
    }));
  },
};

const result = await build({
  entryPoints: [new URL("src/cli/main.ts", root).pathname],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: true,
  write: false,
  // Loaded with require() from node_modules when needed: ask's prompts and overlay validation.
  external: ["@inquirer/*", "zod"],
  define: { __VERSION__: JSON.stringify(pkg.version), "import.meta.url": "__mgModuleUrl" },
  banner: { js: `var __mgModuleUrl=require("node:url").pathToFileURL(__filename).href;` },
  plugins: [promptsFromCommonJs],
  logLevel: "warning",
});
const code = result.outputFiles[0].text;
if (/\bimport\(/.test(code)) throw new Error("dist/cli.cjs has a dynamic import(): it must only require()");
const id = createHash("sha256").update(code).digest("hex").slice(0, 32);
const out = new URL("dist/cli.cjs", root);
rmSync(new URL("dist/cli.cjs.cache", root), { force: true });
writeFileSync(out, `//mission-guide build ${id}\n${code}`);
