// Ages the way kubectl prints them (apimachinery duration.HumanDuration), so a pod that kubectl
// calls "2d3h" is "2d3h" here too.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

function withRest(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

export function formatAge(ms: number): string {
  // Like HumanDuration, tolerate clocks up to 2 s apart: it truncates to whole seconds before comparing.
  if (ms <= -2 * SECOND) return '<invalid>';
  if (ms < 0) return '0s';
  const s = Math.floor(ms / SECOND);
  if (ms < 2 * MINUTE) return `${s}s`;
  const m = Math.floor(ms / MINUTE);
  if (m < 10) return withRest(m, 'm', s % 60, 's');
  if (ms < 3 * HOUR) return `${m}m`;
  const h = Math.floor(ms / HOUR);
  if (h < 8) return withRest(h, 'h', m % 60, 'm');
  if (ms < 48 * HOUR) return `${h}h`;
  if (ms < 8 * DAY) return withRest(Math.floor(ms / DAY), 'd', h % 24, 'h');
  const d = Math.floor(ms / DAY);
  if (ms < 2 * YEAR) return `${d}d`;
  const y = Math.floor(ms / YEAR);
  if (ms < 8 * YEAR) return withRest(y, 'y', d % 365, 'd');
  return `${y}y`;
}
