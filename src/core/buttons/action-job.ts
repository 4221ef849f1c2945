import * as z from 'zod';
import { MuteChoices } from '../../render/action-values.ts';
import { lazy } from '../../util/lazy.ts';
import type { AlertActionDeps } from './action-deps.ts';
import { performStateAction } from './alert-state-actions.ts';
import { muteAlert } from './mute-alert.ts';
import { rerunFailedGlueJob } from './rerun-glue-job.ts';

const actor = lazy(() => z.strictObject({ userId: z.string().min(1), userName: z.string().optional() }));
/** Left by the Slack request guard: written with the click's audit record (model/replay-claim.ts). */
const replayClaim = lazy(() =>
  z.strictObject({ key: z.string().min(1), expiresAt: z.number().int(), nowSeconds: z.number().int() }),
);
const common = lazy(() => ({ alertId: z.string().min(1), actor: actor(), channel: z.string().optional() }));
const muteChoices = Object.keys(MuteChoices) as [
  keyof typeof MuteChoices,
  ...Array<keyof typeof MuteChoices>,
];

/** A button's work, read from its click: what runs after Slack has been answered (here, or in the worker). */
export const actionJobSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('state'),
      action: z.enum(['acknowledge', 'unacknowledge', 'resolve', 'reopen', 'unmute']),
      ...common(),
      replayClaim: replayClaim().optional(),
    }),
    z.strictObject({
      kind: z.literal('mute'),
      ...common(),
      choice: z.enum(muteChoices),
      replayClaim: replayClaim().optional(),
      durationMs: z.number().int().positive().optional(),
      reason: z.string().optional(),
    }),
    z.strictObject({
      kind: z.literal('rerun'),
      ...common(),
      jobName: z.string().min(1),
      jobRunId: z.string().optional(),
    }),
  ]),
);
export type ActionJob = z.output<ReturnType<typeof actionJobSchema>>;

/** Where a button's work runs once Slack is answered: this process, or the Lambda worker. */
export interface ActionWorkRunner {
  /** Resolves once the work is done (in this process) or handed off (to the worker). */
  dispatch(job: ActionJob): Promise<void>;
}

export async function runActionJob(deps: AlertActionDeps, job: ActionJob): Promise<void> {
  if (job.kind === 'state') {
    const { kind: _kind, action, ...input } = job;
    await performStateAction(deps, action, input);
  } else if (job.kind === 'mute') {
    const { kind: _kind, ...input } = job;
    await muteAlert(deps, input);
  } else {
    const { kind: _kind, ...input } = job;
    await rerunFailedGlueJob(deps, input);
  }
}

/** The long-running server's runner: its receiver has already answered Slack when a listener runs this. */
export function createInlineActionRunner(deps: AlertActionDeps): ActionWorkRunner {
  return { dispatch: (job) => runActionJob(deps, job) };
}
