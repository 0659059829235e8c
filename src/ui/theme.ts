import type { Level } from '../model/levels.js';

// The one place that knows how things look. Named ANSI colours read on 16-colour terminals and in
// tmux alike; with colour off, glyphs in the cells still carry the meaning; without UTF-8 every
// symbol has an ASCII stand-in.

export interface Symbols {
  readonly ellipsis: string;
  readonly separator: string;
  readonly cluster: string;
  readonly descending: string;
  readonly ascending: string;
  readonly alerts: string;
  readonly allClear: string;
  readonly problem: string;
  /** The cluster cannot be read. */
  readonly down: string;
  readonly cursor: string;
  readonly upDown: string;
  readonly enter: string;
  readonly bullet: string;
}

const UNICODE: Symbols = {
  ellipsis: '…',
  separator: '·',
  cluster: '⎈',
  descending: '▼',
  ascending: '▲',
  alerts: '▲',
  allClear: '✓',
  problem: '⚠',
  down: '✗',
  cursor: '█',
  upDown: '↑↓',
  enter: '⏎',
  bullet: '·',
};

const ASCII: Symbols = {
  ellipsis: '~',
  separator: '-',
  cluster: '*',
  descending: 'v',
  ascending: '^',
  alerts: '^',
  allClear: 'ok',
  problem: '!',
  down: 'X',
  cursor: '_',
  upDown: 'up/dn',
  enter: 'enter',
  bullet: '-',
};

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  readonly symbols: Symbols;
  levelColor(level: Level): string | undefined;
  readonly accent: string | undefined;
  readonly muted: string | undefined;
}

const LEVEL_COLOR: Readonly<Record<Level, string | undefined>> = { ok: undefined, warn: 'yellow', crit: 'red' };

export function makeTheme(options: { color: boolean; ascii: boolean }): Theme {
  return {
    color: options.color,
    ascii: options.ascii,
    symbols: options.ascii ? ASCII : UNICODE,
    levelColor: (level) => (options.color ? LEVEL_COLOR[level] : undefined),
    accent: options.color ? 'cyan' : undefined,
    muted: options.color ? 'gray' : undefined,
  };
}

/** A key's label as this terminal can show it (⏎ is "enter" without UTF-8). */
export function keyLabel(label: string, symbols: Symbols): string {
  return label
    .replace('⏎', symbols.enter)
    .replace('↑', symbols === ASCII ? 'up' : '↑')
    .replace('↓', symbols === ASCII ? 'down' : '↓');
}
