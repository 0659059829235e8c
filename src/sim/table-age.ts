// An age as the apiserver's Table printer writes it (apimachinery duration.HumanDuration, what
// `kubectl get` shows under AGE): two units while the smaller still says something, then one.
// Written for the sim from that function's rules, apart from the client's: kubectl judges both.

const S = 1000;
const M = 60 * S;
const H = 60 * M;

/** "5m", "5m3s": the larger unit, and the smaller one unless it is zero. */
const pair = (big: number, bigUnit: string, small: number, smallUnit: string) =>
  small ? `${big}${bigUnit}${small}${smallUnit}` : `${big}${bigUnit}`;

export function humanAge(ms: number): string {
  // Go converts to whole seconds toward zero first: up to 2 s of clock skew still reads "0s".
  const seconds = Math.trunc(ms / S);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / M);
  if (minutes < 10) return pair(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / H);
  if (hours < 8) return pair(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return pair(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return pair(years, 'y', days % 365, 'd');
  return `${years}y`;
}
