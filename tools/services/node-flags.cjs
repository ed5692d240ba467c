// The Node/V8 flags every API process runs with, from apps/api/node.flags (plain text, so the
// Dockerfile's shell script reads the same file). Plain CommonJS for .mjs, Jest, Playwright and
// the benchmarks alike.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const FLAGS_FILE = path.resolve(__dirname, '..', '..', 'apps', 'api', 'node.flags');

/** @returns {string[]} the flags, e.g. ['--max-semi-space-size=64'] */
function apiNodeFlags(file = FLAGS_FILE) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/\s+/));
}

/** Flags of `flags` this process was not started with (command line or NODE_OPTIONS). */
function missingNodeFlags(flags = apiNodeFlags()) {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter(Boolean);
  return flags.filter((f) => !given.includes(f));
}

module.exports = { apiNodeFlags, missingNodeFlags, FLAGS_FILE };
