import * as z from 'zod';
import type { AlertState, NormalizedAlert, Severity } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  occurredAt,
  type SnsNotificationInput,
  schemaParser,
} from './shared.ts';

const backupJobStateChangeSchema = lazy(() =>
  envelopeWith(
    z.looseObject({
      backupJobId: z.string(),
      state: z.string(),
      backupVaultName: z.string().optional(),
      resourceArn: z.string().optional(),
      resourceType: z.string().optional(),
      statusMessage: z.string().optional(),
      creationDate: z.string().optional(),
      completionDate: z.string().optional(),
      percentDone: z.union([z.number(), z.string()]).optional(),
      createdBy: z
        .looseObject({ backupPlanId: z.string().optional(), backupPlanRuleId: z.string().optional() })
        .optional(),
    }),
  ),
);
type BackupJobStateChange = z.infer<ReturnType<typeof backupJobStateChangeSchema>>;
type Detail = BackupJobStateChange['detail'];

interface BackupOutcome {
  state: AlertState;
  severity: Severity;
}

/**
 * A failed or expired job (it could not start in its window) is a missing backup; ABORTED is usually someone
 * stopping it, so it pages less loudly. CREATED, PENDING and RUNNING are progress, recorded only.
 */
const backupOutcomes: Record<string, BackupOutcome> = {
  FAILED: { state: 'firing', severity: 'high' },
  EXPIRED: { state: 'firing', severity: 'high' },
  ABORTED: { state: 'firing', severity: 'medium' },
  COMPLETED: { state: 'recovered', severity: 'info' },
};

const progressOutcome: BackupOutcome = { state: 'informational', severity: 'info' };

export function backupJobUrl(region: string, backupJobId: string): string {
  return `${consoleBase(region)}/backup/home?region=${region}#/jobs/backup/details/${encodeURIComponent(backupJobId)}`;
}

/** AWS Backup wraps some status messages in literal quotes; show the words only. */
function unquote(text: string | undefined): string | undefined {
  const trimmed = text?.trim().replace(/^"(.*)"$/s, '$1');
  return trimmed || undefined;
}

/** `EBS vol-0b5ae24f2ee72d926` rather than the whole ARN, which the fields still show. */
function describeResource(detail: Detail): string {
  const name = detail.resourceArn?.split(/[:/]/).pop() ?? detail.backupJobId;
  return detail.resourceType ? `${detail.resourceType} ${name}` : name;
}

function backupFieldsOf(detail: Detail) {
  return fieldsOf([
    ['Resource', detail.resourceArn],
    ['Resource type', detail.resourceType],
    ['Backup plan', detail.createdBy?.backupPlanId ?? 'on demand'],
    ['Vault', detail.backupVaultName],
    ['Job', detail.backupJobId],
    ['State', detail.state],
    ['Percent done', detail.percentDone],
  ]);
}

function toAlert(event: BackupJobStateChange, input: SnsNotificationInput, raw: unknown): NormalizedAlert {
  const detail = event.detail;
  const outcome = backupOutcomes[detail.state] ?? progressOutcome;
  const region = isRegionCode(event.region) ? event.region : undefined;
  const plan = detail.createdBy?.backupPlanId ?? 'on-demand';
  const resource = detail.resourceArn ?? detail.backupJobId;
  return {
    source: 'backup',
    // Keyed by plan and resource: the next completed job of the same plan for the resource resolves a failure.
    key: `backup:${event.account ?? 'unknown'}:${event.region ?? 'unknown'}:${plan}:${resource}`,
    name: detail.resourceArn ?? detail.backupJobId,
    // The same title in every state: a completed job updates the failed job's message.
    title: `AWS Backup of ${describeResource(detail)}`,
    state: outcome.state,
    stateLabel: detail.state,
    severity: outcome.severity,
    account: event.account,
    region,
    resource,
    occurredAt: occurredAt(event.time, input),
    summary: unquote(detail.statusMessage) ?? `Backup job ${detail.backupJobId} ${detail.state}`,
    fields: backupFieldsOf(detail),
    consoleUrl: region ? backupJobUrl(region, detail.backupJobId) : undefined,
    occurrence: detail.backupJobId,
    resolvableByEvent: true,
    raw,
  };
}

/** `Backup Job State Change` (aws.backup). */
export const parseBackupJobEvent = schemaParser(
  backupJobStateChangeSchema,
  'Backup Job State Change event',
  toAlert,
);
