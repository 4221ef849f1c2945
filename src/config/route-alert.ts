import type { NormalizedAlert } from '../model/alert.ts';
import type { KlaxonConfig, RouteConfig } from './config-schema.ts';

export interface AlertRoute {
  channel: string;
  mentions: string[];
  runbookUrl?: string;
}

/** The first matching route wins; no match goes to the default channel with no mentions. */
export function routeAlert(alert: NormalizedAlert, config: KlaxonConfig): AlertRoute {
  const route = config.routes.find((candidate) => matchesRoute(candidate, alert));
  if (!route) return { channel: config.defaultChannel, mentions: [] };
  // Recoveries have severity `info`, so they never mention anyone unless a route asks for `info`.
  const mentions = route.mentions?.severities.includes(alert.severity) ? route.mentions.targets : [];
  return {
    channel: route.channel,
    mentions: mentions.map(toSlackMention),
    ...(route.runbook ? { runbookUrl: route.runbook } : {}),
  };
}

function matchesRoute(route: RouteConfig, alert: NormalizedAlert): boolean {
  const { match } = route;
  return (
    matchesAny(match.source, alert.source) &&
    matchesAny(match.account, alert.account) &&
    matchesAny(match.region, alert.region) &&
    matchesAny(match.severity, alert.severity) &&
    (match.name === undefined || globToRegExp(match.name).test(alert.name))
  );
}

function matchesAny(expected: string | string[] | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
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
