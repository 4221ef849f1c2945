import type { AwsClients } from '../aws/aws-clients.ts';
import type { AlertActionDeps } from '../core/buttons/action-deps.ts';
import { type ActionWorkRunner, createInlineActionRunner } from '../core/buttons/action-job.ts';
import { createUsergroupMembership } from '../slack/usergroup-membership.ts';
import type { NotificationService } from './create-notification-service.ts';

export interface ActionOptions {
  aws: AwsClients;
  /** Where a click's work runs after Slack is answered: in this process unless set (the Lambda worker). */
  actionRunner?: (inline: ActionWorkRunner) => ActionWorkRunner;
}

/**
 * The `actions` service (buttons, modals, App Home; also what the sweep changes alerts with) and where a
 * click's work runs. Built by the server, the Slack function and the worker; never by the SNS function.
 */
export function createActionService(base: NotificationService, options: ActionOptions) {
  const actions: AlertActionDeps = {
    config: base.config,
    store: base.store,
    outbox: base.outbox,
    webClient: base.webClient,
    aws: options.aws,
    now: base.now,
    logger: base.logger,
    membership: createUsergroupMembership(base.webClient),
  };
  const inline = createInlineActionRunner(actions);
  return { actions, actionRunner: options.actionRunner?.(inline) ?? inline };
}
export type ActionService = ReturnType<typeof createActionService>;
