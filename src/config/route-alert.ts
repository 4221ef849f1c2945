import type { NormalizedAlert, Severity } from '../model/alert.ts';
import { matchesAlert } from '../model/alert-matchers.ts';
import type { EnrichmentKind } from '../model/enrichment.ts';
import type { EscalationLevel } from '../model/escalation.ts';
import type { EscalationConfig, KlaxonConfig, RouteConfig } from './config-schema.ts';

export { globToRegExp } from '../model/alert-matchers.ts';

export interface AlertRoute {
  channel: string;
  mentions: string[];
  runbookUrl?: string;
  /** Present when the route sets a firing alert's severity (`routes[].severity`). */
  severity?: Severity;
  /** Reminders while nobody acknowledges it; empty when its route (or the default) has none for its severity. */
  escalation?: EscalationLevel[];
  /** The route's enrichment switches (over `enrichment.enabled`). */
  enrich?: Partial<Record<EnrichmentKind, boolean>>;
}

/** The first matching route wins; no match goes to the default channel with no mentions. */
export function routeAlert(alert: NormalizedAlert, config: KlaxonConfig): AlertRoute {
  const route = config.routes.find((candidate) => matchesRoute(candidate, alert));
  const severity = route?.severity && alert.state === 'firing' ? route.severity : undefined;
  const levels = escalationOf(
    route?.escalation ?? config.escalation,
    severity ? { ...alert, severity } : alert,
  );
  const escalation = levels.length > 0 ? { escalation: levels } : {};
  if (!route) return { channel: config.defaultChannel, mentions: [], ...escalation };
  // Recoveries have severity `info`, so they never mention anyone unless a route asks for `info`.
  const mentions = route.mentions?.severities.includes(severity ?? alert.severity)
    ? route.mentions.targets
    : [];
  return {
    channel: route.channel,
    mentions: mentions.map(toSlackMention),
    ...(route.runbook ? { runbookUrl: route.runbook } : {}),
    ...(severity ? { severity } : {}),
    ...escalation,
    ...(route.enrich ? { enrich: route.enrich } : {}),
  };
}

function escalationOf(policy: EscalationConfig | undefined, alert: NormalizedAlert): EscalationLevel[] {
  if (!policy?.severities.includes(alert.severity)) return [];
  return policy.levels.map((level) => ({
    afterMinutes: level.afterMinutes,
    mentions: level.targets.map(toSlackMention),
  }));
}

function matchesRoute(route: RouteConfig, alert: NormalizedAlert): boolean {
  return matchesAlert(route.match, alert);
}

function toSlackMention(target: string): string {
  if (target === '@here' || target === '@channel') return `<!${target.slice(1)}>`;
  return target.startsWith('S') ? `<!subteam^${target}>` : `<@${target}>`;
}

/** Every channel the configuration can post to, with where it is named (for start-up checks). */
export function listConfiguredChannels(config: KlaxonConfig): Array<{ channel: string; where: string }> {
  return [
    { channel: config.defaultChannel, where: 'defaultChannel' },
    ...config.routes.map((route, index) => ({ channel: route.channel, where: `routes.${index}.channel` })),
  ];
}
