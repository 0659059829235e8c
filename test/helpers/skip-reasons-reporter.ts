import type { Reporter, TestModule } from 'vitest/node';

// vitest's summary counts skipped tests without saying why. Tests that skip themselves with a reason
// (ctx.skip(reason): the real captures missing, say) are listed after the summary under that reason,
// so a run that quietly stopped testing something says so where the reader looks last.

export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, Map<string, number>>();
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const reason = result.state === 'skipped' ? result.note : undefined;
        if (!reason) continue;
        const files = byReason.get(reason) ?? new Map<string, number>();
        files.set(module.relativeModuleId, (files.get(module.relativeModuleId) ?? 0) + 1);
        byReason.set(reason, files);
      }
    }
    if (byReason.size === 0) return;
    const lines = [...byReason].flatMap(([reason, files]) => [
      `  ${reason}`,
      ...[...files].sort().map(([file, n]) => `    ${file}${n > 1 ? ` (${n} tests)` : ''}`),
    ]);
    process.stdout.write(`\n Skipped, with the reason:\n${lines.join('\n')}\n\n`);
  }
}
