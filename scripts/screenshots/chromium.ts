import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { PageSize } from './terminal-page.js';

const exec = promisify(execFile);

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, or the one $CHROMIUM names; null when it is not there to run. */
export function findChromium(env: NodeJS.ProcessEnv): string | null {
  const path = env.CHROMIUM || DEFAULT_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}

/** Renders a local HTML page to a PNG of exactly `size`, in a throwaway profile that talks to no one. */
export async function screenshot(chromium: string, htmlPath: string, pngPath: string, size: PageSize): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'kmon-chromium-'));
  try {
    await exec(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--window-size=${size.width},${size.height}`,
        `--screenshot=${pngPath}`,
        pathToFileURL(htmlPath).href,
      ],
      { timeout: 60_000 },
    );
    // Chromium can exit 0 without writing anything (a crashed renderer); a missing file says so.
    await stat(pngPath);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
