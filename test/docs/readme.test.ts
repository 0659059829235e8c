import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP, PROMPT_KEYMAP } from '../../src/ui/keymap.js';
import { LEGEND } from '../../src/ui/legend.js';
import { ROOT } from '../helpers/cli.js';

// The README is what a newcomer reads first: its key table must say what the keys really do, and
// every picture it shows must be there.

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it.each(KEYMAP.map((b) => [b.help, b] as const))('the key table has "%s" with all its keys', (_, binding) => {
    const row = `| ${binding.keys.map((k) => `\`${k.label}\``).join(' ')} | ${binding.help} |`;
    expect(readme).toContain(row);
  });

  it.each(PROMPT_KEYMAP.map((b) => [b.help, b] as const))('the filter prompt table has "%s" with all its keys', (_, binding) => {
    const row = `| ${binding.keys.map((k) => `\`${k.label}\``).join(' ')} | ${binding.help} |`;
    expect(readme).toContain(row);
  });

  it.each(LEGEND)('says what the help overlay says about alerts and scales: "%s"', (line) => {
    expect(readme.replace(/\s+/g, ' ').includes(line), line).toBe(true);
  });

  it('shows only screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) expect(existsSync(path.join(ROOT, image)), image).toBe(true);
  });

  it('links only files that exist', () => {
    const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)#:]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(path.join(ROOT, link)), link).toBe(true);
  });
});
