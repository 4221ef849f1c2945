import type { AwsClients } from '../../aws/aws-clients.ts';
import type { AlertActionDeps } from '../../core/buttons/action-deps.ts';
import type { ActionWorkRunner } from '../../core/buttons/action-job.ts';
import type { CommandWorkRunner } from '../../core/commands/command-runner.ts';

/** What every listener may use: the context's `actions` service and the slash-command runner. */
export interface ListenerDeps extends AlertActionDeps {
  aws: AwsClients;
  /** Where slash-command work runs after the acknowledgement (this process, or the Lambda worker). */
  commandRunner: CommandWorkRunner;
  /** Where a click's work runs after the acknowledgement (this process, or the Lambda worker). */
  actionRunner: ActionWorkRunner;
}
