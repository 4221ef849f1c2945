/**
 * A Slack request's claim to be acted on once: the Slack request guard names it, and it is written either
 * alone before Bolt sees the request, or in the same write as the audit record of the click it carries
 * (an audited click writes that record exactly once, whatever it decides, so its claim costs no call).
 */
export interface ReplayClaim {
  key: string;
  /** Epoch seconds after which the same key may be claimed again. */
  expiresAt: number;
  /** Epoch seconds when the request was admitted: an earlier claim expired by then no longer counts. */
  nowSeconds: number;
}
