import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../../src/aws/aws-clients.ts';
import { type EnrichClients, enrichLookups } from '../../../../src/aws/enrich/index.ts';
import { EnrichmentKinds } from '../../../../src/model/enrichment.ts';
import { testAwsClients } from '../../../helpers/klaxon-harness.ts';

describe('enrichLookups', () => {
  it('registers the Glue run, EMR step and recent-changes lookups under their enrichment kinds', () => {
    expect(Object.keys(enrichLookups)).toEqual(['glue-run', 'emr-step', 'recent-changes']);
    for (const kind of Object.keys(enrichLookups)) expect(EnrichmentKinds).toContain(kind);
  });

  it("runs on the composition root's AwsClients as they are", () => {
    const aws: AwsClients = testAwsClients();
    const clients: EnrichClients = aws;

    expect(clients.emr).toBeDefined();
  });
});
