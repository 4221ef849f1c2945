import { describe, expect, it } from 'vitest';
import { type BundleFigure, formatBundles } from '../../../bench/bundles.ts';
import { readFirstNotification } from '../../../bench/first-notification.ts';

const figure = (
  name: string,
  bytes: number,
  ms: number,
  extra: Partial<BundleFigure> = {},
): BundleFigure => ({
  name,
  bytes,
  importMs: [ms],
  medianImportMs: ms,
  ...extra,
});

describe('the bundle section of the bench', () => {
  it("prints the SNS function's first notification's schema work beside its import, so neither is read alone", () => {
    // Prepare
    const figures = [
      figure('sns-handler', 700 * 1024, 60, { firstNotificationMs: [20], medianFirstNotificationMs: 20 }),
      figure('dynamodb-clients-alone', 356 * 1024, 40),
    ];

    // Act
    const text = formatBundles(figures);

    // Assess: the goal is judged on the import (as the issue states it), the schemas are shown after it.
    expect(text).toContain('import <= 1.6 x baseline = 64 ms MET');
    expect(text).toContain("then its first notification's schemas +20 ms (import + schemas 80 ms");
  });

  it('reads the Lambda form of an SNS record carrying an alarm, as the bench times it', () => {
    const record = {
      Type: 'Notification',
      MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:alarms',
      Message: JSON.stringify({ AlarmName: 'a', NewStateValue: 'ALARM' }),
      Timestamp: '2015-06-03T17:43:27.123Z',
      SignatureVersion: '1',
      Signature: 'EXAMPLE',
      SigningCertUrl: 'EXAMPLE',
    };
    expect(() => readFirstNotification(JSON.stringify(record))).not.toThrow();
  });
});
