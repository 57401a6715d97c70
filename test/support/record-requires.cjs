// Preloaded with `node --require` by test/e2e/lazy-prompts.test.ts: records every package the
// program require()s (built-in modules aside) and prints them as one last line on stderr.
"use strict";
const Module = require("node:module");
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) {
  if (!Module.isBuiltin(request)) seen.add(request);
  return load.call(this, request, ...rest);
};
process.on("exit", () => process.stderr.write(`\nREQUIRED ${JSON.stringify([...seen])}\n`));
