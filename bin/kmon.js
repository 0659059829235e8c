#!/usr/bin/env node
// CommonJS (bin/package.json), as is the bundle of `kmon status`, which tmux runs every few
// seconds: neither goes through Node's ES module loader, a few milliseconds on every start. Every
// other face is an ES module bundle. Node 22+ also keeps compiled code between runs.
require('node:module').enableCompileCache?.();
if (process.argv[2] === 'status') require('../dist/status.cjs');
else import('../dist/kmon.js');
