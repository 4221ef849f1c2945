const snsHostPattern = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * True only for the certificate URLs SNS itself uses. Checked before anything is fetched, so a forged
 * message cannot make Klaxon fetch an attacker's certificate (or probe internal hosts).
 */
export function isSnsSigningCertUrl(value: string): boolean {
  // Every notification names one of the few certificates SNS uses: remember the verdicts, not the URLs' parse.
  const known = verdicts.get(value);
  if (known !== undefined) return known;
  const verdict = judgeSigningCertUrl(value);
  if (verdicts.size >= maxRemembered) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(value, verdict);
  return verdict;
}

const verdicts = new Map<string, boolean>();
const maxRemembered = 64;

function judgeSigningCertUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    snsHostPattern.test(url.hostname) &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname.endsWith('.pem')
  );
}

/** SubscribeURL must point at SNS too: confirming means fetching it. */
export function isSnsServiceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && snsHostPattern.test(url.hostname) && url.port === '';
  } catch {
    return false;
  }
}
