#!/usr/bin/env node
// Runs dist/cli.cjs (the whole program, one CommonJS file) with V8's code cache when there is one
// for this very build: compiled code is then read, not compiled again, which is a good part of a
// one-shot command's start-up on Node 20 (Node 22 has this built in as module.enableCompileCache).
// A cache from another build, or cut short, is not used; V8 itself refuses one from another version
// or other flags. The cache is written whole or not at all (scripts/build-code-cache.mjs).
"use strict";
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");
const Module = require("node:module");

const file = join(__dirname, "..", "dist", "cli.cjs");
const cacheFile = `${file}.cache`;
const source = readFileSync(file, "utf8");
const build = source.slice(0, source.indexOf("\n") + 1); // "//mission-guide build <hash>\n"

// The cache file: the build line of the source it was made for, the length of V8's data, the data.
let cachedData;
try {
  const cache = readFileSync(cacheFile);
  const eol = cache.indexOf(10, build.length);
  if (cache.toString("latin1", 0, build.length) === build && eol > 0) {
    const data = cache.subarray(eol + 1);
    if (String(data.length) === cache.toString("latin1", build.length, eol)) cachedData = data;
  }
} catch {
  // no cache: compile as usual
}
const script = new Script(Module.wrap(source), { filename: file, cachedData });

// Build time only (scripts/build-code-cache.mjs): after a representative run, save what V8 compiled.
const writeTo = process.env.MISSION_GUIDE_WRITE_CODE_CACHE;
if (writeTo) {
  process.once("exit", () => {
    const data = script.createCachedData();
    writeFileSync(`${writeTo}.tmp`, Buffer.concat([Buffer.from(`${build}${data.length}\n`, "latin1"), data]));
    renameSync(`${writeTo}.tmp`, writeTo);
  });
}

const module_ = { exports: {} };
script.runInThisContext()(module_.exports, Module.createRequire(file), module_, file, join(__dirname, "..", "dist"));
