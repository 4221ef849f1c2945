import type { ReplayClaim } from '../model/replay-claim.ts';

/**
 * How a replay claim the Slack request guard left unwritten reaches the click's listener: the transport puts
 * it on the request (or Lambda event) it hands Bolt, Bolt's `customPropertiesExtractor` copies it into the
 * listener's context.
 */
const carried = Symbol('klaxon.replayClaim');

type Carrier = { [carried]?: ReplayClaim };

export function carryReplayClaim<T extends object>(target: T, claim: ReplayClaim | undefined): T {
  if (claim) (target as Carrier)[carried] = claim;
  return target;
}

/** For both receivers' `customPropertiesExtractor`. */
export function extractReplayClaim(source: object): { replayClaim?: ReplayClaim } {
  const claim = (source as Carrier)[carried];
  return claim ? { replayClaim: claim } : {};
}

/** The claim in a listener's context: only our extractor puts it there, so its shape is known. */
export function replayClaimOf(context: object): ReplayClaim | undefined {
  return (context as { replayClaim?: ReplayClaim }).replayClaim;
}
