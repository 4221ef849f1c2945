import { isSnsServiceUrl } from '../sns/signing-cert-url.ts';

/** Confirms an SNS subscription the documented way: an HTTPS GET of its SubscribeURL. */
export async function confirmSubscriptionByUrl(subscribeUrl: string): Promise<void> {
  if (!isSnsServiceUrl(subscribeUrl)) throw new Error('SubscribeURL is not an SNS URL');
  const response = await fetch(subscribeUrl, { signal: AbortSignal.timeout(5000), redirect: 'error' });
  if (!response.ok) throw new Error(`SubscribeURL answered ${response.status}`);
}
