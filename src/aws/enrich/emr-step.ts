import { DescribeStepCommand, type EMRClient, type Step } from '@aws-sdk/client-emr';
import * as z from 'zod';
import type { NormalizedAlert } from '../../model/alert.ts';
import type { Enricher, EnrichmentLink, EnrichmentResult } from '../../model/enrichment.ts';
import { storedPayloadOf } from '../../model/stored-payload.ts';
import { lazy } from '../../util/lazy.ts';
import { buildEmrClusterUrl, buildS3FolderUrl } from '../console-links.ts';
import { unavailable, withinBudget } from './degrade.ts';

export interface EmrStepClients {
  emr: EMRClient;
}

/** `EMR Step Status Change` names the cluster and the step in `detail`. */
const emrStepIds = lazy(() =>
  z.looseObject({
    detail: z.looseObject({ clusterId: z.string().min(1), stepId: z.string().min(1) }),
  }),
);

export function emrStepOf(alert: NormalizedAlert): { clusterId: string; stepId: string } | undefined {
  if (alert.source !== 'emr') return undefined;
  const parsed = emrStepIds().safeParse(storedPayloadOf(alert.raw));
  return parsed.success ? parsed.data.detail : undefined;
}

const messageChars = 1000;

/** DescribeStep: EMR's own diagnosis of the failure (reason, message, the log file it was read from). */
export const lookupEmrStep: Enricher<EmrStepClients> = async (alert, clients, context) => {
  const ids = emrStepOf(alert);
  if (!ids || alert.state !== 'firing') return { kind: 'none' };
  try {
    const command = new DescribeStepCommand({ ClusterId: ids.clusterId, StepId: ids.stepId });
    const output = await withinBudget(context.signal, (abortSignal) =>
      clients.emr.send(command, { abortSignal }),
    );
    return describeStep(alert.region, ids, output.Step ?? {});
  } catch (error) {
    return unavailable('EMR step details', error, context.signal);
  }
};

function describeStep(
  region: string | undefined,
  ids: { clusterId: string; stepId: string },
  step: Step,
): EnrichmentResult {
  const failure = step.Status?.FailureDetails;
  const lines = [
    `${step.Status?.State ?? 'State unknown'}${step.ActionOnFailure ? ` · on failure: ${step.ActionOnFailure}` : ''}`,
    failure?.Reason ? `Reason: ${failure.Reason}` : 'EMR did not name a reason for the failure.',
  ];
  if (failure?.Message) lines.push(`Message: ${cut(failure.Message)}`);
  if (failure?.LogFile) lines.push(`Log file: ${failure.LogFile}`);
  const links = region ? linksOf(region, ids.clusterId, failure?.LogFile) : [];
  const name = step.Name ? ` (${step.Name})` : '';
  return { kind: 'lines', title: `EMR step ${ids.stepId}${name}`, lines, ...(links.length ? { links } : {}) };
}

function linksOf(region: string, clusterId: string, logFile: string | undefined): EnrichmentLink[] {
  const logsFolder = logFile ? buildS3FolderUrl(region, logFile) : undefined;
  return [
    ...(logsFolder ? [{ text: "Step's logs", url: logsFolder }] : []),
    { text: 'Cluster steps in the EMR console', url: buildEmrClusterUrl(region, clusterId) },
  ];
}

function cut(text: string): string {
  return text.length > messageChars ? `${text.slice(0, messageChars - 1)}…` : text;
}
