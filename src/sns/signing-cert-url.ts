const snsHostPattern = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * True only for the certificate URLs SNS itself uses. Checked before anything is fetched, so a forged
 * message cannot make Klaxon fetch an attacker's certificate (or probe internal hosts).
 */
export function isSnsSigningCertUrl(value: string): boolean {
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
