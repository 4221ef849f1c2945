import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000013',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:security',
  message,
  timestamp: '2024-03-11T19:47:00.000Z',
});
const withoutRaw = ({ raw: _raw, ...alert }: ReturnType<typeof parseSnsNotification>) => alert;
const findings = () => JSON.parse(fixtureText('macie/findings-array.json')) as Array<Record<string, unknown>>;

describe('bare Macie findings (GetFindings, console export)', () => {
  it('maps a bare finding to the same alert as the EventBridge event carrying it', () => {
    // Prepare
    const bare = notificationOf(fixtureText('macie/finding-sensitive-data-personal.json'));
    const event = notificationOf(fixtureText('eventbridge/macie-sensitive-data-personal.json'));

    // Act
    const fromBare = parseSnsNotification(bare);
    const fromEvent = parseSnsNotification(event);

    // Assess
    expect(fromBare).toMatchObject({
      source: 'macie',
      key: 'macie:582302349248:us-east-1:4e958e42874e5e24ae7e92257cf2783e',
    });
    expect(withoutRaw(fromBare)).toEqual(withoutRaw(fromEvent));
  });

  it('maps a one-finding array, and GetFindings output of one finding, to that finding alert', () => {
    // Prepare
    const [first] = findings();
    const single = parseSnsNotification(notificationOf(JSON.stringify(first)));

    // Act
    const fromArray = parseSnsNotification(notificationOf(JSON.stringify([first])));
    const fromOutput = parseSnsNotification(notificationOf(JSON.stringify({ findings: [first] })));

    // Assess
    expect(withoutRaw(fromArray)).toEqual(withoutRaw(single));
    expect(withoutRaw(fromOutput)).toEqual(withoutRaw(single));
  });

  it('makes one alert for several findings: the count, the worst severity, each finding listed', () => {
    // Prepare
    const input = notificationOf(fixtureText('macie/findings-array.json'));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'macie',
      key: expect.stringMatching(/^macie:findings:[\w-]{22}$/),
      title: '3 Macie findings, worst High: Bucket policy allows public read access',
      severity: 'high',
      stateLabel: 'High',
      region: 'us-east-1',
      account: undefined,
      resolvableByEvent: false,
    });
    expect(alert.summary.split('\n')).toEqual([
      'Low · SensitiveData:S3Object/Personal · s3://testsiemplify2/Full name.xlsx',
      expect.stringContaining('High · Policy:IAMUser/S3BucketPublicReadAccess'),
      expect.stringContaining('Medium · SensitiveData:S3Object/CustomIdentifier'),
    ]);
    expect(alert.fields).toContainEqual({ label: 'Findings', value: '3' });
  });

  it('keys a batch by its findings, not their order; another batch is another alert', () => {
    // Prepare
    const list = findings();

    // Act
    const forward = parseSnsNotification(notificationOf(JSON.stringify(list)));
    const reversed = parseSnsNotification(notificationOf(JSON.stringify([...list].reverse())));
    const fewer = parseSnsNotification(notificationOf(JSON.stringify(list.slice(0, 2))));

    // Assess
    expect(reversed.key).toBe(forward.key);
    expect(reversed.occurrence).toBe(forward.occurrence);
    expect(fewer.key).not.toBe(forward.key);
  });

  it('leaves an array with something other than findings in it to the generic parser', () => {
    // Prepare
    const input = notificationOf(JSON.stringify([...findings(), { id: 'x', type: 'Other' }]));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.source).toBe('generic');
  });

  it('falls back to a generic alert saying why when a finding lacks its severity description', () => {
    // Prepare
    const [first] = findings();
    const input = notificationOf(JSON.stringify({ ...first, severity: { score: 1 } }));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringContaining('Macie finding did not match its schema (severity.description'),
    });
  });
});

describe('Macie findings carried in Security Hub (ASFF, ProductName Macie)', () => {
  it('reads the Macie finding as a Security Hub alert naming Macie, its severity and its S3 resources', () => {
    // Prepare
    const input = notificationOf(fixtureText('eventbridge/securityhub-macie-sensitive-data-personal.json'));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'security-hub',
      key: 'security-hub:arn:aws:securityhub:us-east-1::product/aws/macie:arn:aws:macie2:us-east-1:582302349248:finding/4e958e42874e5e24ae7e92257cf2783e',
      title: 'The S3 object contains personal information.',
      state: 'firing',
      severity: 'low',
      account: '582302349248',
      region: 'us-east-1',
      resolvableByEvent: true,
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Product', value: 'Macie (Amazon)' },
        {
          label: 'Resources',
          value:
            'AwsS3Bucket arn:aws:s3:::testsiemplify2\nAwsS3Object arn:aws:s3:::testsiemplify2/Full name.xlsx',
        },
      ]),
    );
  });
});
