import type { Level } from '../model/levels.js';

// The one place that knows how a level looks. Named ANSI colours read on 16-colour terminals and
// in tmux alike; with colour off, glyphs in the cells still carry the meaning.

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  levelColor(level: Level): string | undefined;
  readonly accent: string | undefined;
  readonly muted: string | undefined;
}

const LEVEL_COLOR: Readonly<Record<Level, string | undefined>> = { ok: undefined, warn: 'yellow', crit: 'red' };

export function makeTheme(options: { color: boolean; ascii: boolean }): Theme {
  return {
    color: options.color,
    ascii: options.ascii,
    levelColor: (level) => (options.color ? LEVEL_COLOR[level] : undefined),
    accent: options.color ? 'cyan' : undefined,
    muted: options.color ? 'gray' : undefined,
  };
}
