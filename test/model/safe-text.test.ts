import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/model/safe-text.js';

describe('safeText', () => {
  it.each([
    ['plain', 'web-7c9f-x2x', 'web-7c9f-x2x'],
    ['unicode stays', 'nœud-ü-🚀', 'nœud-ü-🚀'],
    ['CSI colour', 'red\x1b[31mtext\x1b[0m', 'redtext'],
    ['CSI clear screen and home', 'x\x1b[2J\x1b[Hy', 'xy'],
    ['OSC title, BEL-terminated', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC 52 clipboard, ST-terminated', 'a\x1b]52;c;aGk=\x1b\\b', 'ab'],
    ['8-bit CSI', 'a\x9b2Jb', 'ab'],
    ['ESC c (full terminal reset)', 'a\x1bcb', 'ab'],
    ['ESC 7 (save cursor)', 'a\x1b7b', 'ab'],
    ['ESC ( B (charset, with an intermediate byte)', 'a\x1b(Bb', 'ab'],
    ['ESC M (reverse index)', 'a\x1bMb', 'ab'],
    ['a lone ESC at the end becomes ?', 'ab\x1b', 'ab?'],
    ['tab and newline become spaces', 'a\tb\nc', 'a b c'],
    ['carriage return and NUL become ?', 'a\rb\x00c', 'a?b?c'],
    ['bidi override becomes ?', 'abc\u202edcba', 'abc?dcba'],
    ['line separator becomes ?', 'a\u2028b', 'a?b'],
  ])('%s', (_, input, output) => {
    expect(safeText(input)).toBe(output);
  });
});
