#!/usr/bin/env node
// `kmon status` runs every few seconds under tmux: it gets its own small bundle, and on Node 22+
// compiled code is kept between runs (Node 20 has no such cache; the call is skipped there).
import module from 'node:module';

module.enableCompileCache?.();
await import(process.argv[2] === 'status' ? '../dist/status.js' : '../dist/kmon.js');
