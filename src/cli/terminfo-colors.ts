import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

// How many colours the terminal's terminfo entry says it has, as `tput colors` reads it: the entry
// is a small binary file (term(5)), found where ncurses looks for it. TERM=vt100 or xterm-mono
// have no colours; their names do not say so, their entries do.

type Env = Readonly<Record<string, string | undefined>>;

const LEGACY_MAGIC = 0o432;
const NUMBERS_32BIT_MAGIC = 0o1036;
/** max_colors, the 14th of terminfo's numeric capabilities. */
const MAX_COLORS = 13;

function searchDirs(env: Env): string[] {
  const dirs: string[] = [];
  if (env.TERMINFO) dirs.push(env.TERMINFO);
  dirs.push(path.join(env.HOME || homedir(), '.terminfo'));
  const system = ['/etc/terminfo', '/lib/terminfo', '/usr/share/terminfo', '/usr/lib/terminfo'];
  // An empty entry in TERMINFO_DIRS stands for the system's own directories.
  for (const dir of (env.TERMINFO_DIRS ?? '').split(':')) dirs.push(...(dir ? [dir] : system));
  return [...new Set(dirs)];
}

function readEntry(term: string, env: Env): Buffer | null {
  const first = term[0] ?? '';
  for (const dir of searchDirs(env)) {
    // Linux files entries under their first letter, macOS under its hex code.
    for (const sub of [first, first.charCodeAt(0).toString(16)]) {
      try {
        return readFileSync(path.join(dir, sub, term));
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** The entry's colour count (0 when it has none), or null when there is no readable entry. */
export function terminfoColors(term: string, env: Env): number | null {
  if (!/^[\w.+-]+$/.test(term)) return null;
  const entry = readEntry(term, env);
  if (!entry || entry.length < 12) return null;
  const magic = entry.readInt16LE(0);
  if (magic !== LEGACY_MAGIC && magic !== NUMBERS_32BIT_MAGIC) return null;
  const [names, bools, numbers] = [entry.readInt16LE(2), entry.readInt16LE(4), entry.readInt16LE(6)];
  if (numbers <= MAX_COLORS) return 0;
  // Numbers start on an even byte after the names and booleans.
  const start = 12 + names + bools + ((names + bools) % 2);
  const size = magic === LEGACY_MAGIC ? 2 : 4;
  const at = start + MAX_COLORS * size;
  if (entry.length < at + size) return null;
  const colors = size === 2 ? entry.readInt16LE(at) : entry.readInt32LE(at);
  // -1: absent, -2: cancelled; either way the terminal has no colours.
  return Math.max(colors, 0);
}
