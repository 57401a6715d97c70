// Preloaded with `node --require` by test/e2e/code-cache.test.ts: records, for every script the
// program compiles through node:vm (the chunks src/cli/code-cache.ts loads), whether V8 was given
// a code cache and whether it took it, and prints them as one last line on stderr.
"use strict";
const vm = require("node:vm");
const { basename } = require("node:path");
const seen = [];
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    seen.push({
      file: basename(options?.filename ?? ""),
      given: options?.cachedData !== undefined,
      rejected: this.cachedDataRejected === true,
    });
  }
};
process.on("exit", () => process.stderr.write(`\nCOMPILED ${JSON.stringify(seen)}\n`));
