#!/usr/bin/env node
// CommonJS (bin/package.json), as is the small bundle of `kmon status`, which tmux runs every few
// seconds: neither goes through Node's ES module loader, a few milliseconds on every start. What the
// small bundle does not take (--help, a mistake), and every other face, goes to the full program.
// Node 22+ also keeps compiled code between runs.
require('node:module').enableCompileCache?.();
const [, , command, ...args] = process.argv;
if (!(command === 'status' && require('../dist/status.cjs').startStatus(args))) import('../dist/kmon.js');
