import { LambdaClient } from '@aws-sdk/client-lambda';
import type { SNSEvent } from 'aws-lambda';
import { createNotificationService, type NotificationService } from '../app/create-notification-service.ts';
import { createLambdaEnrichDispatcher } from '../core/enrich/enrich-invocation.ts';
import { handleSnsMessage } from '../core/notifications/handle-sns-delivery.ts';
import { logLevelForStatus } from '../observability/json-logger.ts';
import { parseSnsMessage } from '../sns/sns-message.ts';
import {
  createLambdaCore,
  createRefreshingRuntime,
  type LambdaCore,
  type LambdaCoreOverrides,
} from './lambda-core.ts';

export class SnsDeliveryFailedError extends Error {
  override name = 'SnsDeliveryFailedError';
}

/**
 * SNS → Lambda subscription. The records are verified like HTTPS deliveries. A refusal is logged and dropped
 * (a retry would be refused again); a transient failure throws, so Lambda retries the invocation and then
 * hands it to the dead-letter queue — and the stored pending steps make the retry finish exactly once.
 */
export function createSnsEventHandler(
  getRuntime: () => Promise<LambdaCore<Pick<NotificationService, 'sns'>>>,
) {
  return async (event: SNSEvent): Promise<void> => {
    const runtime = await getRuntime();
    const failed: string[] = [];
    for (const record of event.Records) {
      const started = Date.now();
      const parsed = parseSnsMessage(JSON.stringify(record.Sns));
      const result = parsed.ok
        ? await handleSnsMessage(runtime.core.sns, parsed.message)
        : {
            status: 400,
            outcome: `refused:${parsed.reason}`,
            detail: parsed.detail,
            messageId: record.Sns.MessageId,
          };
      const line = { transport: 'sns-lambda', ...result, durationMs: Date.now() - started };
      runtime.logger[logLevelForStatus(result.status)](line, 'notification');
      if (result.status >= 500) failed.push(`${result.messageId}: ${result.outcome}`);
    }
    if (failed.length > 0)
      throw new SnsDeliveryFailedError(`transient failure, retrying: ${failed.join(', ')}`);
  };
}

/**
 * The SNS function builds the notification service alone (no buttons, commands, sweep or query clients),
 * and hands each alert's lookups to the worker; it never runs them itself.
 */
export const createSnsCore = (env: NodeJS.ProcessEnv, overrides: LambdaCoreOverrides) =>
  createLambdaCore(
    env,
    {
      ...overrides,
      parts: {
        createEnrichDispatcher: (functionName, lambda) =>
          createLambdaEnrichDispatcher({ lambda: lambda ?? new LambdaClient({}), functionName }),
        ...overrides.parts,
      },
    },
    createNotificationService,
  );

export const handler = createSnsEventHandler(createRefreshingRuntime(process.env, createSnsCore));
