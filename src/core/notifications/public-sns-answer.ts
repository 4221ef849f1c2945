import type { SnsDeliveryResult } from './sns-context.ts';

/** What SNS (or anyone posting to /sns) is told: an outcome word and, for errors, a fixed reason. */
export interface PublicSnsAnswer {
  outcome: string;
  detail?: string;
}

const temporaryFailure = { outcome: 'failed', detail: 'temporary failure; SNS will retry' } as const;

/**
 * Refusals in words an operator can act on, but that say nothing about Klaxon's inside or configuration: the
 * caller may be a stranger. The real detail stays in the log line.
 */
const refusalDetails: Record<string, string> = {
  'refused:too-large': 'body too large',
  'refused:not-json': 'body is not JSON',
  'refused:raw-delivery':
    'no SNS envelope: raw message delivery cannot be verified; turn off RawMessageDelivery on the subscription',
  'refused:invalid-envelope': 'not a valid SNS message',
  'refused:topic-not-allowed': 'topic not allowed',
  'refused:stale': 'message too old',
  'refused:unsupported-signature-version': 'unsupported SignatureVersion',
  'refused:untrusted-certificate-url': 'SigningCertURL is not an SNS certificate URL',
  'refused:malformed-signature': 'signature does not verify',
  'refused:bad-signature': 'signature does not verify',
  'refused:certificate-rejected': 'signing certificate unusable',
  'refused:bad-subscribe-url': 'SubscribeURL is not an SNS URL',
};

/** Maps a delivery result to the body the transport answers; pure, shared by the server and Lambda. */
export function toPublicSnsAnswer(result: Pick<SnsDeliveryResult, 'status' | 'outcome'>): PublicSnsAnswer {
  if (result.status >= 500) return { ...temporaryFailure };
  if (result.status < 400) return { outcome: result.outcome };
  const detail = Object.hasOwn(refusalDetails, result.outcome) ? refusalDetails[result.outcome] : undefined;
  return detail ? { outcome: result.outcome, detail } : { outcome: 'refused', detail: 'refused' };
}
