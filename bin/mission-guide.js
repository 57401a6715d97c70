#!/usr/bin/env node
require("../dist/code-cache.cjs");
require("../dist/cli.cjs");
