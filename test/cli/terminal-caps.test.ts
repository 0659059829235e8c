import { describe, expect, it } from 'vitest';
import { colorDepth, detectTerminal, isUtf8Locale } from '../../src/cli/terminal-caps.js';

describe('colorDepth', () => {
  it.each([
    { why: 'COLORTERM=truecolor', env: { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, tty: true, depth: 'truecolor' },
    { why: 'COLORTERM=24bit', env: { TERM: 'xterm', COLORTERM: '24bit' }, tty: true, depth: 'truecolor' },
    { why: 'TERM=xterm-256color', env: { TERM: 'xterm-256color' }, tty: true, depth: '256' },
    { why: 'TERM=tmux-256color', env: { TERM: 'tmux-256color' }, tty: true, depth: '256' },
    { why: 'TERM=xterm-direct', env: { TERM: 'xterm-direct' }, tty: true, depth: '256' },
    { why: 'TERM=screen', env: { TERM: 'screen' }, tty: true, depth: '16' },
    { why: 'TERM=xterm', env: { TERM: 'xterm' }, tty: true, depth: '16' },
    { why: 'TERM=linux', env: { TERM: 'linux' }, tty: true, depth: '16' },
    { why: 'no TERM at all', env: {}, tty: true, depth: '16' },
    { why: 'COLORTERM other than truecolor/24bit', env: { TERM: 'screen', COLORTERM: 'gnome-terminal' }, tty: true, depth: '16' },
    { why: 'NO_COLOR=1', env: { TERM: 'xterm-256color', COLORTERM: 'truecolor', NO_COLOR: '1' }, tty: true, depth: 'none' },
    { why: 'NO_COLOR set to anything', env: { TERM: 'xterm', NO_COLOR: 'no' }, tty: true, depth: 'none' },
    // no-color.org: only a non-empty NO_COLOR counts.
    { why: 'NO_COLOR empty', env: { TERM: 'xterm-256color', NO_COLOR: '' }, tty: true, depth: '256' },
    { why: 'TERM=dumb', env: { TERM: 'dumb', COLORTERM: 'truecolor' }, tty: true, depth: 'none' },
    { why: 'not a TTY', env: { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, tty: false, depth: 'none' },
  ] as const)('$why → $depth', ({ env, tty, depth }) => {
    expect(colorDepth(env, tty)).toBe(depth);
  });

  it('--no-color wins over everything the environment says', () => {
    expect(colorDepth({ TERM: 'xterm-256color', COLORTERM: 'truecolor' }, true, { color: false })).toBe('none');
  });

  it('--color (the flag left at its default) does not override NO_COLOR', () => {
    expect(colorDepth({ TERM: 'xterm-256color', NO_COLOR: '1' }, true, { color: true })).toBe('none');
  });
});

describe('isUtf8Locale', () => {
  it.each([
    { why: 'LANG=en_US.UTF-8', env: { LANG: 'en_US.UTF-8' }, utf8: true },
    { why: 'LANG=C.UTF-8', env: { LANG: 'C.UTF-8' }, utf8: true },
    { why: 'lower-case utf8 spelling', env: { LANG: 'de_DE.utf8' }, utf8: true },
    { why: 'LANG=C', env: { LANG: 'C' }, utf8: false },
    { why: 'LANG=POSIX', env: { LANG: 'POSIX' }, utf8: false },
    { why: 'a Latin-1 locale', env: { LANG: 'en_US.ISO-8859-1' }, utf8: false },
    { why: 'no locale at all', env: {}, utf8: false },
    { why: 'LC_ALL over LANG', env: { LC_ALL: 'C', LANG: 'en_US.UTF-8' }, utf8: false },
    { why: 'LC_ALL over LC_CTYPE', env: { LC_ALL: 'en_US.UTF-8', LC_CTYPE: 'C' }, utf8: true },
    { why: 'LC_CTYPE over LANG', env: { LC_CTYPE: 'en_US.UTF-8', LANG: 'C' }, utf8: true },
    { why: 'LC_CTYPE=C over a UTF-8 LANG', env: { LC_CTYPE: 'C', LANG: 'en_US.UTF-8' }, utf8: false },
    // An empty variable is unset as far as the C library is concerned: the next one decides.
    { why: 'empty LC_ALL falls through', env: { LC_ALL: '', LANG: 'en_US.UTF-8' }, utf8: true },
    { why: 'empty LC_CTYPE falls through', env: { LC_CTYPE: '', LANG: 'C' }, utf8: false },
  ])('$why → $utf8', ({ env, utf8 }) => {
    expect(isUtf8Locale(env)).toBe(utf8);
  });
});

describe('detectTerminal', () => {
  const utf8Tty = { TERM: 'xterm-256color', LANG: 'en_US.UTF-8' };

  it('a UTF-8 TTY: colour, Unicode glyphs and a live screen', () => {
    expect(detectTerminal(utf8Tty, { isTTY: true })).toEqual({ color: '256', unicode: true, interactive: true });
  });

  it('--ascii turns glyphs off even in a UTF-8 locale; colour stays', () => {
    expect(detectTerminal(utf8Tty, { isTTY: true }, { ascii: true })).toEqual({ color: '256', unicode: false, interactive: true });
  });

  it('a pipe: no colour and no live screen, glyphs still follow the locale', () => {
    expect(detectTerminal(utf8Tty, { isTTY: false })).toEqual({ color: 'none', unicode: true, interactive: false });
    expect(detectTerminal(utf8Tty, {})).toEqual({ color: 'none', unicode: true, interactive: false });
  });

  it('TERM=dumb: a TTY that cannot hold a live screen or show colour', () => {
    expect(detectTerminal({ TERM: 'dumb', LANG: 'C' }, { isTTY: true })).toEqual({ color: 'none', unicode: false, interactive: false });
  });

  it('input that is not a terminal (kmon < /dev/null): no live screen, whose keys could not be read', () => {
    expect(detectTerminal(utf8Tty, { isTTY: true }, {}, { isTTY: false })).toEqual({ color: '256', unicode: true, interactive: false });
    expect(detectTerminal(utf8Tty, { isTTY: true }, {}, { isTTY: true })).toMatchObject({ interactive: true });
  });

  it('NO_COLOR leaves the live screen and glyphs alone', () => {
    expect(detectTerminal({ ...utf8Tty, NO_COLOR: '1' }, { isTTY: true })).toEqual({ color: 'none', unicode: true, interactive: true });
  });
});
