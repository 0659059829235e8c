import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot } from './chromium.js';
import { parseScreen } from './sgr.js';
import { DARK } from './sgr-to-html.js';
import { pageSize, terminalPage } from './terminal-page.js';

export interface PngTarget {
  readonly chromium: string;
  /** Where the intermediate pages go (kept out of the repository). */
  readonly workDir: string;
  readonly outDir: string;
}

/** A captured cols×rows screen to OUT_DIR/NAME.png, by way of an HTML page. */
export async function savePng(target: PngTarget, name: string, capture: string, cols: number, rows: number): Promise<string> {
  const html = join(target.workDir, `${name}.html`);
  const png = join(target.outDir, `${name}.png`);
  await writeFile(html, terminalPage(parseScreen(capture), rows, DARK, `kmon — ${name}`));
  await screenshot(target.chromium, html, png, pageSize(cols, rows));
  return png;
}
