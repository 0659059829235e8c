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

/**
 * A cell's text and its trailing mark (an alert glyph) in exactly `columns` cells. Short of room the
 * mark loses its leading blank first, then the text is cut before it: "CrashLo…‼", never "CrashLoop…".
 */
export function fitCell(text: string, mark: string, columns: number, align: 'left' | 'right', ellipsis = '…'): string {
  if (columns <= 0) return '';
  const whole = text + mark;
  if (textWidth(whole) <= columns) return padded(whole, columns, align);
  const glyph = mark.trim();
  if (textWidth(text + glyph) <= columns) return padded(text + glyph, columns, align);
  const room = columns - textWidth(glyph);
  if (room < 2) return fitText(whole, columns, align, ellipsis);
  return padded(`${cut(text, room - 1)}${ellipsis}${glyph}`, columns, align);
}
