#!/usr/bin/env node
// `kmon status` runs every few seconds under tmux: it gets its own small bundle.
await import(process.argv[2] === 'status' ? '../dist/status.js' : '../dist/kmon.js');
