import { describe, expect, it } from 'vitest';
import { applySgr, PLAIN, parseScreen } from '../../scripts/screenshots/sgr.js';
import { cellsHtml, colorHex, DARK, escapeHtml, lineHtml } from '../../scripts/screenshots/sgr-to-html.js';

const [BLACK, RED, GREEN, YELLOW, BLUE, , CYAN, , GRAY, , , , , , , BRIGHT_WHITE] = DARK.ansi;
const { fg: FG, bg: BG } = DARK;
const E = '\u001B[';

/** One captured line to the HTML the page would show for it. */
const html = (line: string) => lineHtml(parseScreen(line)[0] ?? [], DARK);

describe('SGR to HTML spans', () => {
  it.each([
    ['plain text stays plain', 'abc', 'abc'],
    ['16 colours: red', `${E}31mx`, `<span style="color:${RED}">x</span>`],
    ['bright foreground (90–97)', `${E}90mx`, `<span style="color:${GRAY}">x</span>`],
    ['background', `${E}44mx`, `<span style="background:${BLUE}">x</span>`],
    ['bright background (100–107)', `${E}107mx`, `<span style="background:${BRIGHT_WHITE}">x</span>`],
    ['bold and colour in one sequence', `${E}1;36mx`, `<span style="color:${CYAN};font-weight:bold">x</span>`],
    ['256 colours: a named one', `${E}38;5;2mx`, `<span style="color:${GREEN}">x</span>`],
    ['256 colours: the cube', `${E}38;5;208mx`, '<span style="color:#ff8700">x</span>'],
    ['256 colours: the grey ramp', `${E}48;5;236mx`, '<span style="background:#303030">x</span>'],
    ['truecolor', `${E}38;2;1;2;3mx`, '<span style="color:#010203">x</span>'],
    ['truecolor, colon form', `${E}38:2:10:20:30mx`, '<span style="color:#0a141e">x</span>'],
    ['truecolor, colon form with empty colour space', `${E}48:2::10:20:30mx`, '<span style="background:#0a141e">x</span>'],
    ['parameters after an extended colour still apply', `${E}38;5;196;1mx`, '<span style="color:#ff0000;font-weight:bold">x</span>'],
    ['dim: halfway to the background', `${E}2mx`, '<span style="color:#767a80">x</span>'],
    ['inverse of the defaults', `${E}7mx`, `<span style="color:${BG};background:${FG}">x</span>`],
    ['inverse of a colour', `${E}31;7mx`, `<span style="color:${BG};background:${RED}">x</span>`],
    ['tmux resets then inverts', `${E}1;31m${E}0;7mx`, `<span style="color:${BG};background:${FG}">x</span>`],
    ['hidden', `${E}8mx`, `<span style="color:${BG}">x</span>`],
    ['italic, underline, strike', `${E}3;4;9mx`, '<span style="font-style:italic;text-decoration:underline line-through">x</span>'],
    ['0 resets', `${E}1;31ma${E}0mb`, `<span style="color:${RED};font-weight:bold">a</span>b`],
    ['an empty SGR resets', `${E}33ma${E}mb`, `<span style="color:${YELLOW}">a</span>b`],
    [
      '39 and 49 restore the default colours',
      `${E}31;42ma${E}39mb${E}49mc`,
      `<span style="color:${RED};background:${GREEN}">a</span><span style="background:${GREEN}">b</span>c`,
    ],
    ['22 clears bold and dim', `${E}1;2ma${E}22mb`, '<span style="color:#767a80;font-weight:bold">a</span>b'],
    ['27 clears inverse', `${E}7ma${E}27mb`, `<span style="color:${BG};background:${FG}">a</span>b`],
    ['a repeated style makes one span', `${E}31ma${E}31mb`, `<span style="color:${RED}">ab</span>`],
    ['black is a colour, not the default', `${E}30mx`, `<span style="color:${BLACK}">x</span>`],
    ['other CSI and OSC sequences are dropped', `a${E}2Kb\u001B]0;title\u0007c`, 'abc'],
    ['HTML is escaped', `${E}31m<a href="x">&'`, `<span style="color:${RED}">&#60;a href=&#34;x&#34;&#62;&#38;&#39;</span>`],
  ])('%s', (_name, input, expected) => {
    expect(html(input)).toBe(expected);
  });

  it('carries the style across line ends, as capture-pane -e expects', () => {
    const [first, second] = parseScreen(`${E}36mone\ntwo\n${E}0mthree\n`).map((runs) => lineHtml(runs, DARK));
    expect(first).toBe(`<span style="color:${CYAN}">one</span>`);
    expect(second).toBe(`<span style="color:${CYAN}">two</span>`);
    expect(parseScreen('a\nb\n')).toHaveLength(2);
  });

  it('stops at a malformed extended colour instead of guessing which parameters were its own', () => {
    expect(applySgr(PLAIN, '38;5;300;1')).toEqual(PLAIN);
    expect(applySgr(PLAIN, '1;48:5')).toEqual({ ...PLAIN, bold: true });
    expect(applySgr(PLAIN, '38;2;1;2')).toEqual(PLAIN);
    expect(applySgr(PLAIN, '38;9;1')).toEqual(PLAIN);
  });
});

describe('cells on the grid', () => {
  it.each([
    ['ASCII stays text', 'a b', 'a b'],
    ['block glyphs get one cell each', '▁█', '<span class="w1">▁</span><span class="w1">█</span>'],
    ['⎈ and ‼ are one cell', '⎈‼', '<span class="w1">⎈</span><span class="w1">‼</span>'],
    ['wide characters get two', '日', '<span class="w2">日</span>'],
    ['a combining mark stays with its letter', 'e\u0301', '<span class="w1">e\u0301</span>'],
  ])('%s', (_name, input, expected) => {
    expect(cellsHtml(input)).toBe(expected);
  });
});

describe('palette', () => {
  it.each([
    [{ index: 1 }, RED],
    [{ index: 16 }, '#000000'],
    [{ index: 231 }, '#ffffff'],
    [{ index: 232 }, '#080808'],
    [{ index: 255 }, '#eeeeee'],
    [{ rgb: [255, 0, 128] as const }, '#ff0080'],
  ])('%j is %s', (color, expected) => {
    expect(colorHex(color, DARK)).toBe(expected);
  });

  it('escapes everything that could open a tag or end an attribute', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });
});
