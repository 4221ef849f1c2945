import { globToRegExp } from './route-alert.ts';

/** Topic ARNs may use `*` (e.g. `arn:aws:sns:*:123456789012:alerts-*`). An empty list allows nothing. */
export function isTopicAllowed(topicArn: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => globToRegExp(pattern).test(topicArn));
}
