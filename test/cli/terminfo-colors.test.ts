import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorDepth } from '../../src/cli/terminal-caps.js';
import { terminfoColors } from '../../src/cli/terminfo-colors.js';
import { tempDir } from '../helpers/temp-dir.js';

// Compiled terminfo entries (term(5)) written by hand, so the tests do not depend on the machine's.

/** An entry with `colors` as max_colors (absent when null), in the legacy or the 32-bit number format. */
function entry(name: string, colors: number | null, wide = false): Buffer {
  const names = Buffer.from(`${name}|test entry\0`);
  const bools = Buffer.from([1, 0, 1]);
  const size = wide ? 4 : 2;
  const numbers = Buffer.alloc(15 * size, 0xff);
  if (colors !== null && wide) numbers.writeInt32LE(colors, 13 * size);
  else if (colors !== null) numbers.writeInt16LE(colors, 13 * size);
  const header = Buffer.alloc(12);
  for (const [i, v] of [wide ? 0o1036 : 0o432, names.length, bools.length, 15, 0, 0].entries()) header.writeInt16LE(v, i * 2);
  const pad = (names.length + bools.length) % 2 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([header, names, bools, pad, numbers]);
}

function terminfoDir(entries: Record<string, Buffer>): Record<string, string> {
  const dir = tempDir('kmon-terminfo-');
  for (const [name, bytes] of Object.entries(entries)) {
    mkdirSync(path.join(dir, name[0] ?? 'x'), { recursive: true });
    writeFileSync(path.join(dir, name[0] ?? 'x', name), bytes);
  }
  // Only this directory: not the machine's entries, nor the user's.
  return { TERMINFO: dir, TERMINFO_DIRS: dir, HOME: dir };
}

describe('terminfoColors', () => {
  const env = terminfoDir({
    vt100: entry('vt100', null),
    'xterm-mono': entry('xterm-mono', -2),
    xterm: entry('xterm', 8),
    'xterm-256color': entry('xterm-256color', 256),
    'xterm-direct': entry('xterm-direct', 0x1000000, true),
  });

  it.each([
    ['vt100', 0],
    ['xterm-mono', 0],
    ['xterm', 8],
    ['xterm-256color', 256],
    ['xterm-direct', 0x1000000],
  ])('%s: %i colours', (term, colors) => {
    expect(terminfoColors(term, env)).toBe(colors);
  });

  it('no entry, or a name that is not one: null, and the name decides', () => {
    expect(terminfoColors('nonesuch', env)).toBeNull();
    expect(terminfoColors('../x/xterm', env)).toBeNull();
  });

  it.each([
    ['vt100', 'none'],
    ['xterm-mono', 'none'],
    ['xterm', '16'],
    ['xterm-256color', '256'],
    ['nonesuch-256color', '256'],
  ])('TERM=%s in a terminal → %s', (term, depth) => {
    expect(colorDepth({ ...env, TERM: term }, true)).toBe(depth);
  });
});
