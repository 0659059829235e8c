import { Box, Text } from 'ink';
import { type Alert, targetText } from '../../model/alerts.js';
import { clusterProblem } from '../../model/cluster-health.js';
import { levelGlyph } from '../../model/level-glyph.js';
import type { ReplayState } from '../../model/replay-state.js';
import type { Snapshot } from '../../model/snapshot.js';
import { fitText, textWidth } from '../fit-text.js';
import { type AlertCounts, ageText, clock, dataAge, leadProblem } from '../header-text.js';
import type { Theme } from '../theme.js';

interface Props {
  readonly snapshot: Snapshot;
  /** Firing alerts, worst and longest first. */
  readonly alerts: readonly Alert[];
  readonly now: number;
  readonly counts: AlertCounts;
  readonly ready: { readonly ready: number; readonly total: number };
  /** Pods in the pod pane (namespace picked, node, filter) and in the snapshot. */
  readonly pods: { readonly shown: number; readonly total: number };
  readonly namespace: string | null;
  readonly paused: boolean;
  /** kmon replay: the recorded time is the header's clock. */
  readonly replay?: ReplayState | null;
  readonly width: number;
  /** One line instead of two, for small panes. */
  readonly compact: boolean;
  readonly theme: Theme;
}

export interface Part {
  readonly text: string;
  /** Lower parts are dropped first when the line is too narrow. */
  readonly priority: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly inverse?: boolean;
}

export function fitParts(parts: readonly Part[], width: number): Part[] {
  const kept = [...parts];
  const length = (ps: readonly Part[]) => ps.reduce((n, p) => n + p.text.length + 2, 0);
  while (kept.length > 1 && length(kept) > width) {
    const lowest = kept.reduce((a, b) => (b.priority < a.priority ? b : a));
    kept.splice(kept.indexOf(lowest), 1);
  }
  return kept;
}

const podCount = ({ shown, total }: Props['pods']) => (shown === total ? String(total) : `${shown}/${total}`);

function alertPart(counts: AlertCounts, theme: Theme, down: string | null): Part {
  // In one line there is no room for the reason: the cluster being unreadable says it all.
  if (down) return { text: down, priority: 95, color: theme.levelColor('crit'), bold: true };
  if (counts.crit + counts.warn === 0) return { text: `${theme.symbols.allClear} no alerts`, priority: 95 };
  const up = theme.symbols.alerts;
  return {
    text: `${up} ${counts.crit} crit ${counts.warn} warn`,
    priority: 95,
    color: theme.levelColor(counts.crit ? 'crit' : 'warn'),
    bold: true,
  };
}

/** "nodes 5/6 Ready"; never a count of nodes that were never read ("nodes ?" once reading failed). */
function nodesText(snapshot: Snapshot, ready: Props['ready'], down: boolean, theme: Theme): string {
  if (snapshot.inventoryAt === null) return `nodes ${down ? '?' : theme.symbols.ellipsis}`;
  return `nodes ${ready.ready}/${ready.total} Ready`;
}

/** "‼ node-b: disk 93% 12m": the worst alert, how long it has lasted. */
function leadAlert(alert: Alert, now: number, theme: Theme): string {
  return `${levelGlyph(alert.level, theme.ascii)} ${targetText(alert.target)}: ${alert.message} ${ageText(Math.max(0, now - alert.since))}`;
}

export function Header({ snapshot, alerts, now, counts, ready, pods, namespace, paused, replay, width, compact, theme }: Props) {
  const { ageMs, stale } = dataAge(snapshot, now);
  const scope = snapshot.scope;
  const dot = theme.symbols.separator;
  const down = clusterProblem(snapshot);
  const downFor = down ? ageText(Math.max(0, now - down.since)) : '';
  const parts: Part[] = [
    { text: `${theme.symbols.cluster} ${scope.cluster}`, priority: 90, color: theme.accent, bold: true },
    { text: `ctx ${scope.context}`, priority: 30 },
    { text: `ns ${namespace ?? 'all'}`, priority: 60 },
    {
      text: nodesText(snapshot, ready, down !== null, theme),
      priority: 80,
      color: down || ready.ready < ready.total ? theme.levelColor('crit') : undefined,
    },
    { text: `pods ${snapshot.podsListed ? podCount(pods) : theme.symbols.ellipsis}`, priority: 50 },
    ...(replay ? [] : [{ text: `every ${snapshot.intervalMs / 1000}s ${dot} ${clock(now)}`, priority: 20 }]),
    alertPart(counts, theme, down && compact ? `${theme.symbols.down} ${down.label} ${downFor}` : null),
  ];
  if (replay) {
    const cut = replay.cutShort ? ` ${dot} cut short` : '';
    const end = replay.ended ? ' END' : '';
    parts.push({ text: `REPLAY ${clock(now)}${end}${cut}`, priority: 100, color: theme.accent, inverse: true });
  }
  if (paused || (replay?.paused && !replay.ended))
    parts.push({ text: 'PAUSED', priority: 99, color: theme.levelColor('warn'), inverse: true });
  if (stale && ageMs !== null)
    parts.push({ text: `STALE ${ageText(ageMs)}`, priority: 98, color: theme.levelColor('crit'), inverse: true });
  const problem = leadProblem(snapshot);
  // The data's age first: it must show whatever else the line has to say. Then why the cluster
  // cannot be read, in red; or the first problem reading it, unless that is one kubelet's and an
  // alert is critical (a NotReady node's kubelet cannot be read either); or the worst alert with
  // its age. The rest are in the events pane (e), so nothing hides behind "more".
  const age = `data ${ageMs === null ? 'not read yet' : `${ageText(ageMs)} old`} ${dot} ${snapshot.metricsSource === 'metrics-api' ? 'metrics-server' : snapshot.metricsSource === 'kubelet' ? 'kubelet summaries' : 'no metrics'}`;
  const moreText = (n: number) => (n > 0 ? ` (+${n} more ${dot} e events)` : '');
  const more = moreText(problem?.more ?? 0);
  const lead = alerts[0];
  const reading = problem && !(problem.oneKubelet && lead?.level === 'crit') ? problem : null;
  const trouble = down
    ? `  ${theme.symbols.down} ${down.message} ${dot} ${downFor}${more}`
    : reading
      ? `  ${theme.symbols.problem} ${reading.text}${more}`
      : lead
        ? ` ${dot} ${leadAlert(lead, now, theme)}${moreText(alerts.length - 1)}`
        : '';
  const troubleColor = theme.levelColor(down ? 'crit' : reading ? 'warn' : (lead?.level ?? 'ok'));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {fitParts(parts, width).map((p) => (
          <Text key={p.text} color={p.color} bold={p.bold} inverse={p.inverse}>
            {p.text}
            {'  '}
          </Text>
        ))}
      </Text>
      {compact ? null : (
        <Text wrap="truncate">
          <Text color={theme.muted}>{fitText(age, Math.min(width, textWidth(age)), 'left', theme.symbols.ellipsis)}</Text>
          <Text color={troubleColor} bold={down !== null}>
            {fitText(trouble, Math.max(0, width - textWidth(age)), 'left', theme.symbols.ellipsis)}
          </Text>
        </Text>
      )}
    </Box>
  );
}
