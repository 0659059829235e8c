// npm run bench: each benchmark in turn; each prints its own table. Add a step by adding its file.
const STEPS = ['./status.ts'];

for (const step of STEPS) await import(step);
