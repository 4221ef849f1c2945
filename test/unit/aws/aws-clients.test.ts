import { describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../src/aws/aws-clients.ts';

describe('createAwsClients().in(region)', () => {
  const clients = createAwsClients('us-east-1');

  it('gives clients of the region a resource lives in, made once', async () => {
    const west = clients.in('eu-west-1');
    for (const client of [west.logs, west.glue, west.emr, west.cloudTrail, west.cloudWatch, west.athena]) {
      expect(await client.config.region()).toBe('eu-west-1');
    }
    expect(clients.in('eu-west-1')).toBe(west);
    expect(west.in('us-east-1')).toBe(clients);
  });

  it.each([
    ['its own region', 'us-east-1'],
    ['an unknown region', undefined],
    ['something that is not a region code', 'eu-west-1.evil.example'],
  ])('keeps the default clients for %s', (_what, region) => {
    expect(clients.in(region)).toBe(clients);
  });
});
