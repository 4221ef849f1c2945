import * as z from 'zod';
import type { NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
  toIsoTime,
} from './shared.ts';

const detectionsSchema = lazy(() =>
  z.array(
    z.looseObject({ type: z.string().optional(), name: z.string().optional(), count: z.number().optional() }),
  ),
);

/** The finding itself: the event's `detail`, one of `GetFindings`' `findings`, or a console export. */
export const macieFindingDetailSchema = lazy(() =>
  z.looseObject({
    id: z.string(),
    type: z.string(),
    accountId: z.string().optional(),
    region: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    count: z.number().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    severity: z.looseObject({ description: z.string(), score: z.number().optional() }),
    resourcesAffected: z
      .looseObject({
        s3Bucket: z
          .looseObject({
            name: z.string().optional(),
            publicAccess: z.looseObject({ effectivePermission: z.string().optional() }).nullish(),
          })
          .nullish(),
        s3Object: z.looseObject({ key: z.string().optional() }).nullish(),
      })
      .optional(),
    classificationDetails: z
      .looseObject({
        result: z
          .looseObject({
            sensitiveData: z
              .array(
                z.looseObject({ category: z.string().optional(), detections: detectionsSchema().optional() }),
              )
              .optional(),
            customDataIdentifiers: z.looseObject({ detections: detectionsSchema().optional() }).nullish(),
          })
          .optional(),
      })
      .nullish(),
    policyDetails: z
      .looseObject({
        action: z
          .looseObject({
            actionType: z.string().optional(),
            apiCallDetails: z.looseObject({ api: z.string().optional() }).optional(),
          })
          .optional(),
      })
      .nullish(),
  }),
);
export type MacieFinding = z.infer<ReturnType<typeof macieFindingDetailSchema>>;
type Finding = MacieFinding;

const macieFindingSchema = lazy(() => envelopeWith(macieFindingDetailSchema()));
type MacieFindingEvent = z.infer<ReturnType<typeof macieFindingSchema>>;

/** Macie rates Low/Medium/High; anything else it might add reads as medium rather than vanishing. */
const macieSeverities: Record<string, Severity> = { low: 'low', medium: 'medium', high: 'high' };

export function macieFindingUrl(region: string, findingId: string): string {
  const search = `id%3D${encodeURIComponent(findingId)}`;
  return `${consoleBase(region)}/macie/home?region=${region}#findings?search=${search}`;
}

function describeSensitiveData(finding: Finding): string | undefined {
  const lines = (finding.classificationDetails?.result?.sensitiveData ?? []).map((group) => {
    const detections = (group.detections ?? []).map((d) => `${d.type ?? 'unknown'} ×${d.count ?? '?'}`);
    return `${group.category ?? 'UNKNOWN'}: ${detections.join(', ')}`;
  });
  return lines.join('\n') || undefined;
}

function describeCustomIdentifiers(finding: Finding): string | undefined {
  const detections = finding.classificationDetails?.result?.customDataIdentifiers?.detections ?? [];
  return detections.map((d) => `${d.name ?? d.type ?? 'unknown'} ×${d.count ?? '?'}`).join(', ') || undefined;
}

function describePolicyAction(finding: Finding): string | undefined {
  const action = finding.policyDetails?.action;
  return [action?.actionType, action?.apiCallDetails?.api].filter(Boolean).join(' ') || undefined;
}

function describeFinding(finding: Finding) {
  const bucket = finding.resourcesAffected?.s3Bucket?.name ?? undefined;
  const objectKey = finding.resourcesAffected?.s3Object?.key ?? undefined;
  const score = finding.severity.score === undefined ? '' : ` (${finding.severity.score})`;
  return {
    resource: bucket && objectKey ? `s3://${bucket}/${objectKey}` : bucket,
    fields: fieldsOf([
      ['Finding type', finding.type],
      ['Severity', `${finding.severity.description}${score}`],
      ['Bucket', bucket],
      ['Object', objectKey],
      ['Public access', finding.resourcesAffected?.s3Bucket?.publicAccess?.effectivePermission],
      ['Sensitive data', describeSensitiveData(finding)],
      ['Custom data identifiers', describeCustomIdentifiers(finding)],
      ['Policy action', describePolicyAction(finding)],
      ['Occurrences', finding.count],
      ['Finding id', finding.id],
    ]),
  };
}

/** What the envelope around a finding says, when there is one: the finding's own fields win. */
export interface MacieFindingOrigin {
  account?: string;
  region?: string;
  time?: string;
}

/**
 * One finding, whichever shape brought it (event, bare finding, array): the key depends only on the
 * finding's account, region and id, so every shape raises and coalesces the same alert.
 */
export function macieAlertOf(
  finding: Finding,
  origin: MacieFindingOrigin,
  input: SnsNotificationInput,
  raw: unknown,
): NormalizedAlert {
  const account = finding.accountId ?? origin.account;
  const regionCode = finding.region ?? origin.region;
  const region = isRegionCode(regionCode) ? regionCode : undefined;
  const eventTime = occurredAt(origin.time, input);
  return {
    source: 'macie',
    key: `macie:${account ?? 'unknown'}:${regionCode ?? 'unknown'}:${finding.id}`,
    name: finding.type,
    title: finding.title ?? finding.type,
    state: 'firing',
    stateLabel: finding.severity.description,
    severity: macieSeverities[finding.severity.description.toLowerCase()] ?? 'medium',
    account,
    region,
    occurredAt: toIsoTime(finding.updatedAt, eventTime),
    summary: finding.description ?? finding.title ?? finding.type,
    ...describeFinding(finding),
    consoleUrl: region ? macieFindingUrl(region, finding.id) : undefined,
    // Policy findings repeat with a rising count: each new count is news, a redelivery is not.
    occurrence: `${finding.id}#${finding.count ?? 1}`,
    resolvableByEvent: false,
    raw,
  };
}

function toAlert(event: MacieFindingEvent, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  return macieAlertOf(event.detail, event, input, raw);
}

/** `Macie Finding` (aws.macie): sensitive-data and policy findings alike. */
export const parseMacieFindingEvent = schemaParser(macieFindingSchema, 'Macie Finding event', toAlert);
