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

/** Text cut (marked with the ellipsis, a single column) or padded to exactly `columns` cells. */
export function fitText(text: string, columns: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  if (columns <= 0) return '';
  let shown = text;
  let w = textWidth(shown);
  if (w > columns) {
    shown = `${cut(shown, columns - 1)}${ellipsis}`;
    w = textWidth(shown);
  }
  const pad = ' '.repeat(Math.max(0, columns - w));
  return align === 'right' ? pad + shown : shown + pad;
}
