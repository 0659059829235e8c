// The entry bin/kmon.js takes for `kmon status`, which tmux runs every few seconds: bundled on
// its own with only what a status line needs, so it starts nearly as fast as Node itself.
import { Command } from 'commander';
import { addClusterOptions, addThresholdOptions } from './options.js';
import type { Action } from './program.js';
import { runCli } from './run-cli.js';
import { statusCommand } from './status/status-command.js';

// A CommonJS bundle (see scripts/build.ts): no top-level await; runCli sets the exit status.
void runCli((run: (action: Action) => void) => addThresholdOptions(addClusterOptions(new Command('kmon'))).addCommand(statusCommand(run)));
