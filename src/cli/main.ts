import { buildProgram } from './program.js';
import { runCli } from './run-cli.js';

// React's development build times and records every render with its props (Performance Tracks);
// with 150,000 pods in those props that costs gigabytes. kmon always runs the production build.
process.env.NODE_ENV ??= 'production';

await runCli(buildProgram);
