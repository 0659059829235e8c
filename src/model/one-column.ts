// Printable ASCII and the glyphs kmon itself draws (… ‼ ⎈ · ▲ ▼ ✓ ⚠ and the sparkline blocks): one
// UTF-16 unit and one terminal column each. Text made only of these can be measured by its length;
// anything else needs a real width table.
const ONE_COLUMN = /^[\x20-\x7e\u00b7\u2026\u203c\u2388\u2581-\u2588\u25b2\u25bc\u2713\u26a0]*$/;

export function isOneColumnText(text: string): boolean {
  return ONE_COLUMN.test(text);
}
