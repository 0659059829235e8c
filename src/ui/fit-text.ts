import stringWidth from 'string-width';

/** Text cut (with an ellipsis) or padded to exactly `width` terminal cells. */
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  let shown = text;
  let w = stringWidth(shown);
  if (w > width) {
    const chars = [...shown];
    while (chars.length && stringWidth(chars.join('')) > width - 1) chars.pop();
    shown = `${chars.join('')}…`;
    w = stringWidth(shown);
  }
  const pad = ' '.repeat(Math.max(0, width - w));
  return align === 'right' ? pad + shown : shown + pad;
}
