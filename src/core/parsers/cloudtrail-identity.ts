import * as z from 'zod';
import { lazy } from '../../util/lazy.ts';

export const userIdentitySchema = lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    principalId: z.string().optional(),
    arn: z.string().optional(),
    accountId: z.string().optional(),
    userName: z.string().optional(),
    invokedBy: z.string().optional(),
    sessionContext: z
      .looseObject({
        sessionIssuer: z.looseObject({ userName: z.string().optional() }).optional(),
        attributes: z.looseObject({ mfaAuthenticated: z.string().optional() }).optional(),
      })
      .optional(),
  }),
);
export type UserIdentity = z.infer<ReturnType<typeof userIdentitySchema>>;

/** The role session's own name: the last part of `arn:aws:sts::…:assumed-role/<role>/<session>`. */
function roleSessionOf(identity: UserIdentity): string | undefined {
  const match = /:assumed-role\/[^/]+\/(.+)$/.exec(identity.arn ?? '');
  return match?.[1];
}

/** "Root", "IAMUser anaya", "AssumedRole deploy (session ci-1234)", "AWSService ec2.amazonaws.com". */
export function describeIdentity(identity: UserIdentity | undefined): string {
  if (!identity) return 'unknown identity';
  const type = identity.type ?? 'Unknown';
  if (type === 'Root') return 'Root';
  const session = roleSessionOf(identity);
  const name =
    identity.userName ??
    identity.sessionContext?.sessionIssuer?.userName ??
    identity.invokedBy ??
    identity.arn;
  const sessionPart = session ? ` (session ${session})` : '';
  return [type, name].filter(Boolean).join(' ') + sessionPart;
}

export function isRoot(identity: UserIdentity | undefined): boolean {
  return identity?.type === 'Root';
}
