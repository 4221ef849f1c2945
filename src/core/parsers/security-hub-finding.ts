import * as z from 'zod';
import type { AlertState, NormalizedAlert } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import { securityHubSeverityOf } from './security-hub-severity.ts';
import {
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
  toIsoTime,
} from './shared.ts';

const findingSchema = lazy(() =>
  z.looseObject({
    Id: z.string(),
    ProductArn: z.string(),
    GeneratorId: z.string().optional(),
    AwsAccountId: z.string().optional(),
    Region: z.string().optional(),
    Title: z.string(),
    Description: z.string().optional(),
    ProductName: z.string().optional(),
    CompanyName: z.string().optional(),
    UpdatedAt: z.string().optional(),
    Severity: z.looseObject({ Label: z.string().optional(), Normalized: z.number().optional() }),
    Resources: z
      .array(z.looseObject({ Type: z.string().optional(), Id: z.string(), Region: z.string().optional() }))
      .optional(),
    Compliance: z.looseObject({ Status: z.string().optional() }).optional(),
    Workflow: z.looseObject({ Status: z.string().optional() }).optional(),
    RecordState: z.string().optional(),
    Remediation: z
      .looseObject({ Recommendation: z.looseObject({ Url: z.string().optional() }).optional() })
      .optional(),
    ProductFields: z.record(z.string(), z.unknown()).optional(),
  }),
);
type Finding = z.infer<ReturnType<typeof findingSchema>>;

/** Security Hub documents one finding per event; the array is its batch shape, so at least one is required. */
const securityHubFindingsSchema = lazy(() =>
  envelopeWith(z.looseObject({ findings: z.array(findingSchema()).min(1) })),
);
type SecurityHubFindingsEvent = z.infer<ReturnType<typeof securityHubFindingsSchema>>;

/** Someone closed it (RESOLVED, SUPPRESSED) or the product withdrew it (ARCHIVED): the alert is over. */
const closingWorkflows = new Set(['RESOLVED', 'SUPPRESSED']);

function lifeOf(finding: Finding): { state: AlertState; stateLabel: string } {
  if (finding.RecordState === 'ARCHIVED') return { state: 'recovered', stateLabel: 'ARCHIVED' };
  const workflow = finding.Workflow?.Status ?? 'NEW';
  return { state: closingWorkflows.has(workflow) ? 'recovered' : 'firing', stateLabel: workflow };
}

const productField = (finding: Finding, name: string): string | undefined => {
  const value = finding.ProductFields?.[name];
  return typeof value === 'string' ? value : undefined;
};

function productOf(finding: Finding): string {
  const name = finding.ProductName ?? productField(finding, 'aws/securityhub/ProductName');
  const company = finding.CompanyName ?? productField(finding, 'aws/securityhub/CompanyName');
  const product = name ?? finding.ProductArn.split('/').slice(-2).join('/');
  return company ? `${product} (${company})` : product;
}

const maxListedResources = 5;

function describeResources(finding: Finding): string | undefined {
  const resources = finding.Resources ?? [];
  const lines = resources
    .slice(0, maxListedResources)
    .map((resource) => [resource.Type, resource.Id].filter(Boolean).join(' '));
  const more = resources.length - maxListedResources;
  return [...lines, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n') || undefined;
}

function toAlert(
  event: SecurityHubFindingsEvent,
  input: SnsNotificationInput,
  raw: unknown,
): NormalizedAlert {
  const [finding, ...others] = event.detail.findings as [Finding, ...Finding[]];
  const account = finding.AwsAccountId ?? event.account;
  const regionCode = finding.Region ?? event.region;
  const { severity, description } = securityHubSeverityOf(finding.Severity);
  const life = lifeOf(finding);
  return {
    source: 'security-hub',
    // One alert per finding: the Id is unique within its product.
    key: `security-hub:${finding.ProductArn}:${finding.Id}`,
    name: finding.GeneratorId ?? finding.Title,
    title: finding.Title,
    ...life,
    severity,
    account,
    region: isRegionCode(regionCode) ? regionCode : undefined,
    resource: finding.Resources?.[0]?.Id,
    occurredAt: toIsoTime(finding.UpdatedAt, occurredAt(event.time, input)),
    summary: finding.Description ?? finding.Title,
    fields: fieldsOf([
      ['Severity', description],
      ['Product', productOf(finding)],
      ['Resources', describeResources(finding)],
      ['Compliance', finding.Compliance?.Status],
      ['Workflow', finding.Workflow?.Status],
      ['Record state', finding.RecordState],
      ['Other findings in this event', others.length > 0 ? `${others.length} (not shown)` : undefined],
    ]),
    runbookUrl: finding.Remediation?.Recommendation?.Url,
    // Control findings are re-sent each time they are re-checked; only a change of what they say is news.
    occurrence: [life.stateLabel, finding.Compliance?.Status, description].join('#'),
    resolvableByEvent: true,
    raw,
  };
}

/** `Security Hub Findings - Imported` (aws.securityhub): an ASFF finding created or updated. */
export const parseSecurityHubFindingsEvent = schemaParser(
  securityHubFindingsSchema,
  'Security Hub Findings - Imported event',
  toAlert,
);
