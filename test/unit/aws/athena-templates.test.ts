import { describe, expect, it } from 'vitest';
import {
  athenaTemplateNames,
  buildCloudTrailQuery,
  quoteSqlString,
  validateTemplateValue,
} from '../../../src/aws/athena-cloudtrail.ts';

const config = { region: 'us-east-1', workGroup: 'klaxon', database: 'security', table: 'cloudtrail_logs' };
const range = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-02-01T00:00:00Z'), maxRows: 20 };

describe('Athena CloudTrail templates', () => {
  it('doubles quotes so Athena reads a value as one string literal', () => {
    expect(quoteSqlString("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(quoteSqlString('alice')).toBe("'alice'");
  });

  it('puts times and the partition range in parameters too', () => {
    const built = buildCloudTrailQuery(
      { ...config, datePartitionColumn: 'timestamp' },
      { template: 'denied', ...range },
    );

    expect(built.ok && built.query.executionParameters).toEqual([
      "'2024-01-01T00:00:00Z'",
      "'2024-02-01T00:00:00Z'",
      "'2024/01/01'",
      "'2024/02/01'",
    ]);
    expect(built.ok && built.query.queryString).toContain('FROM "security"."cloudtrail_logs"');
    expect(built.ok && built.query.queryString).toContain('"timestamp" BETWEEN ? AND ?');
  });

  it('has as many parameters as placeholders in every template', () => {
    for (const template of athenaTemplateNames) {
      const value = { user: 'alice', event: 'DeleteBucket', resource: 'my-bucket' }[template as string];
      const built = buildCloudTrailQuery(config, { template, value, ...range });
      if (!built.ok) throw new Error(built.message);
      expect(built.query.queryString.split('?').length - 1).toBe(built.query.executionParameters.length);
    }
  });

  it('refuses table names from configuration that are not plain identifiers', () => {
    const built = buildCloudTrailQuery({ ...config, table: 'logs"; DROP' }, { template: 'root', ...range });
    expect(built).toMatchObject({ ok: false, message: expect.stringContaining('misconfigured') });
  });

  it('validates values against what they can be', () => {
    expect(validateTemplateValue('user', 'alice@example.com')).toBeUndefined();
    expect(validateTemplateValue('event', 'Delete Bucket')).toContain('is not an API event name');
    expect(validateTemplateValue('resource', 'a\u0000b')).toContain('is not a resource name');
    expect(validateTemplateValue('root', undefined)).toBeUndefined();
  });
});
