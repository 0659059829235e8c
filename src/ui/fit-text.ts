import stringWidth from 'string-width';
import { isOneColumnText } from '../model/one-column.js';

// Nearly every cell is plain ASCII; measuring those by length keeps string-width's Unicode
// segmentation for names that need it, off the path of every cell of every frame.
export function textWidth(text: string): number {
  return isOneColumnText(text) ? text.length : stringWidth(text);
}

function cut(text: string, columns: number): string {
  if (isOneColumnText(text)) return text.slice(0, columns);
  const chars = [...text];
  while (chars.length && stringWidth(chars.join('')) > columns) chars.pop();
  return chars.join('');
}

function padded(text: string, columns: number, align: 'left' | 'right'): string {
  const pad = ' '.repeat(Math.max(0, columns - textWidth(text)));
  return align === 'right' ? pad + text : text + pad;
}

/** Text cut (marked with the ellipsis, a single column) or padded to exactly `columns` cells. */
export function fitText(text: string, columns: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  if (columns <= 0) return '';
  return padded(textWidth(text) > columns ? `${cut(text, columns - 1)}${ellipsis}` : text, columns, align);
}

/** Where a text too long for its cell is cut: at the end, or in the middle for names. */
export type CutAt = 'end' | 'middle';

/**
 * A name in `columns` cells, cut where it stays telling: a host name keeps its first label
 * ("ip-10-0-12-35.eu…"); any other name keeps its last part, as the generated suffix of a pod is
 * what tells replicas apart ("payments-api-glfw…-rgqvj").
 */
function middleCut(text: string, columns: number, ellipsis: string): string {
  const room = columns - ellipsis.length;
  if (!isOneColumnText(text) || room < 4) return `${cut(text, room)}${ellipsis}`;
  const dot = text.indexOf('.');
  if (dot > 0 && dot <= room) return `${text.slice(0, room)}${ellipsis}`;
  const name = dot > 0 ? text.slice(0, dot) : text;
  const lastPart = name.length - name.lastIndexOf('-');
  const tail = lastPart <= room / 2 ? lastPart : Math.floor(room / 3);
  return `${text.slice(0, room - tail)}${ellipsis}${name.slice(name.length - tail)}`;
}

function shortened(text: string, columns: number, ellipsis: string, at: CutAt): string {
  return at === 'middle' ? middleCut(text, columns, ellipsis) : `${cut(text, columns - 1)}${ellipsis}`;
}

/**
 * A cell's text and its trailing mark (an alert glyph) in exactly `columns` cells. Short of room the
 * mark loses its leading blank first, then the text is cut before it: "CrashLo…‼", never "CrashLoop…".
 */
export function fitCell(text: string, mark: string, columns: number, align: 'left' | 'right', ellipsis = '…', at: CutAt = 'end'): string {
  if (columns <= 0) return '';
  const whole = text + mark;
  if (textWidth(whole) <= columns) return padded(whole, columns, align);
  const glyph = mark.trim();
  if (textWidth(text + glyph) <= columns) return padded(text + glyph, columns, align);
  const room = columns - textWidth(glyph);
  if (room < 2) return fitText(whole, columns, align, ellipsis);
  return padded(`${shortened(text, room, ellipsis, at)}${glyph}`, columns, align);
}
