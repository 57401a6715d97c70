/**
 * V8's code cache for the CLI's own chunks. Node 22 has this built in (module.enableCompileCache);
 * Node 20, our floor, does not. `npm run build` runs a few representative commands once
 * (scripts/build-code-cache.mjs) and keeps, for each chunk of dist/ they loaded, what V8 compiled
 * for it in dist/code-cache/; a later start reads that compiled code instead of compiling the chunk
 * again — a third of a one-shot command's own start-up time (bench/README.md).
 *
 * Only chunks whose names carry their content hash (`classify-DZDEWENG.cjs`) are cached, so a
 * cache always belongs to the very text it was made from; V8 itself refuses a cache from another
 * Node version or other flags, and then the chunk is compiled as usual. Loaded first, by the
 * shim in bin/, before anything else of the program.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/** Node's module internals this relies on (stable since Node 0.x, not in its typings). */
interface NodeModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}
interface ModuleStatics {
  prototype: NodeModule;
  wrap(script: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain?: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
  _extensions: Record<string, unknown>;
}

const M = Module as unknown as ModuleStatics;
const dist = __dirname;
const cacheDir = join(dist, "code-cache");
/** A chunk named with its content hash, as tsup names the chunks it splits off. */
const HASHED = /-[A-Z0-9]{8}\.cjs$/;
/** Set by scripts/build-code-cache.mjs: write the caches of the chunks this run loads. */
const writing = process.env.MISSION_GUIDE_WRITE_CODE_CACHE === "1";
const made: [string, Script][] = [];

/** The `require` Node gives a module (lib/internal/modules/helpers.js, makeRequireFunction). */
function requireFor(mod: NodeModule): NodeJS.Require {
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: unknown) =>
    M._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  req.main = require.main;
  req.cache = M._cache as NodeJS.Require["cache"];
  req.extensions = M._extensions as NodeJS.Require["extensions"];
  return req;
}

const compile = M.prototype._compile;
M.prototype._compile = function (this: NodeModule, content: string, filename: string): unknown {
  if (dirname(filename) !== dist || !HASHED.test(filename)) return compile.call(this, content, filename);
  const file = join(cacheDir, `${basename(filename)}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    // no cache for this chunk: compiled as usual
  }
  const script = new Script(M.wrap(content), { filename, cachedData });
  if (writing) made.push([file, script]);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
  return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dist);
};

// A run that writes also reads the caches there, so that what earlier runs compiled is kept.
if (writing) {
  process.once("exit", () => {
    mkdirSync(cacheDir, { recursive: true });
    for (const [file, script] of made) {
      writeFileSync(`${file}.tmp`, script.createCachedData());
      renameSync(`${file}.tmp`, file);
    }
  });
}
