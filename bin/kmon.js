#!/usr/bin/env node
// CommonJS (bin/package.json), as is the small bundle of `kmon status`, which tmux runs every few
// seconds: neither goes through Node's ES module loader, a few milliseconds on every start. What the
// small bundle does not take (--help, a mistake), and every other face, goes to the full program.
// Compiled code is kept between runs: by Node itself from 22 on, by dist/require-cached.cjs before.
require('node:module').enableCompileCache?.();
const [, , command, ...args] = process.argv;
const status = () => require('../dist/require-cached.cjs').requireCached(require.resolve('../dist/status.cjs'));
if (!(command === 'status' && status().startStatus(args))) import('../dist/kmon.js');
