import { describe, expect, it } from 'vitest';
import { textTable } from '../../src/output/text-table.js';

const HEADER = ['NAME', 'CPU(cores)', 'MEMORY(bytes)', 'NODE', 'ALERTS'];
const ROWS = [
  ['payments-api-glfw2fmrgl-qb7sk', '412m', '498Mi', 'hello-kube-001', ''],
  ['report-generator-hp9bz46bk-7lf8t', '1m', '12Mi', 'hello-kube-003', '‼ CrashLoopBackOff, ‼ memory 95% of limit'],
];
const PRIORITY = [100, 80, 70, 10, 95];

describe('textTable fitted to a width', () => {
  it('without a width: every column, kubectl-style', () => {
    expect(textTable(HEADER, ROWS).split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+NODE\s+ALERTS$/);
  });

  it.each([120, 80, 60, 40])('in %i columns: no line wider, the least important columns gone first', (maxWidth) => {
    const lines = textTable(HEADER, ROWS, { maxWidth, priority: PRIORITY }).trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(maxWidth);
    expect(lines[0]).toMatch(/^NAME/);
    // A column is shown only with every more important one.
    if (lines[0]?.includes('NODE')) expect(lines[0]).toContain('MEMORY(bytes)');
    if (lines[0]?.includes('MEMORY')) expect(lines[0]).toContain('CPU(cores)');
  });

  it('cuts the last column (alerts) rather than leave it out, keeping its glyph first', () => {
    const lines = textTable(HEADER, ROWS, { maxWidth: 60, priority: PRIORITY }).split('\n');
    expect(lines[0]).toMatch(/ALERTS$/);
    expect(lines[2]).toMatch(/‼ CrashLoop\S*…$/);
  });
});
