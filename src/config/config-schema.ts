import { z } from 'zod';
import { AlertSources, Severities } from '../model/alert.ts';

const severity = z.enum(Severities);
const sourceName = z.enum(Object.values(AlertSources));
const slackUserId = z.string().regex(/^[UW][A-Z0-9]+$/, 'must be a Slack user id such as U012AB3CD');
const slackUsergroupId = z.string().regex(/^S[A-Z0-9]+$/, 'must be a Slack user group id such as S0614TZR7');
// Slack channel names are lowercase letters, numbers, hyphens and underscores, at most 80 characters.
const channel = z
  .string()
  .regex(
    /^(?:[CGD][A-Z0-9]+|#[\p{Ll}\p{Lo}\p{N}_-]{1,80})$/u,
    'must be a channel id (C…) or #name (lowercase letters, numbers, - and _, no spaces)',
  )
  .describe('Slack channel id (C…) or #name');

/** `@here`, `@channel`, a user group id (S…) or a user id (U…), turned into Slack mention syntax. */
const mention = z.union([z.enum(['@here', '@channel']), slackUsergroupId, slackUserId]);

const routeSchema = z.strictObject({
  match: z
    .strictObject({
      source: z.union([sourceName, z.array(sourceName)]).optional(),
      account: z.union([z.string(), z.array(z.string())]).optional(),
      region: z.union([z.string(), z.array(z.string())]).optional(),
      /** Glob on the alert's name (alarm name, job name, finding type): `*` any run, `?` one character. */
      name: z.string().optional(),
      severity: z.union([severity, z.array(severity)]).optional(),
    })
    .default({}),
  channel,
  mentions: z
    .strictObject({
      targets: z.array(mention).min(1),
      severities: z.array(severity).default(['critical', 'high']),
    })
    .optional(),
  runbook: z.url().optional(),
});

/** Who may do something: listed users, members of listed user groups, or everyone. */
const permissionSchema = z.strictObject({
  everyone: z.boolean().default(false),
  users: z.array(slackUserId).default([]),
  usergroups: z.array(slackUsergroupId).default([]),
});

const everyone = { everyone: true, users: [], usergroups: [] };
const nobody = { everyone: false, users: [], usergroups: [] };

export const configSchema = z.strictObject({
  defaultChannel: channel.default('#alerts'),
  routes: z.array(routeSchema).default([]),
  sns: z
    .strictObject({
      /** Subscriptions are confirmed only for these topics; `*` wildcards allowed. */
      allowedTopicArns: z.array(z.string().startsWith('arn:')).default([]),
      /** Notifications whose Timestamp is older than this are refused as replays. */
      maxMessageAgeHours: z
        .number()
        .positive()
        .default(24 * 7),
      maxBodyBytes: z.number().int().positive().default(300_000),
    })
    .prefault({}),
  lifecycle: z
    .strictObject({
      reopenWindowMinutes: z.number().nonnegative().default(30),
      rootRefreshSeconds: z.number().positive().default(60),
      dedupeDays: z.number().positive().default(7),
      // Slack sustains about one message per second per channel; a flapping alarm gets this many calls a
      // minute (4: two state changes shown live, each a root update and a reply), and what exceeds it is
      // folded into one digest reply when the minute ends.
      slackCallsPerAlertPerMinute: z.number().int().min(2).max(20).default(4),
    })
    .prefault({}),
  permissions: z
    .strictObject({
      acknowledge: permissionSchema.default(everyone),
      mute: permissionSchema.default(everyone),
      resolve: permissionSchema.default(everyone),
      rerun: permissionSchema.default(nobody),
      query: permissionSchema.default(everyone),
    })
    .prefault({}),
  glue: z
    .strictObject({
      /** CloudWatch alarm names whose alerts offer a rerun of this Glue job. */
      alarmJobs: z.record(z.string(), z.string()).default({}),
    })
    .prefault({}),
  queries: z
    .strictObject({
      logGroupAliases: z.record(z.string(), z.string()).default({}),
      athena: z
        .strictObject({
          database: z.string(),
          table: z.string(),
          workGroup: z.string().default('primary'),
          outputLocation: z.string().startsWith('s3://').optional(),
          catalog: z.string().default('AwsDataCatalog'),
          /** Partition-projection column (`yyyy/MM/dd`) so a query reads only its days' S3 objects. */
          datePartitionColumn: z.string().optional(),
        })
        .optional(),
      maxTrailDays: z.number().positive().max(90).default(90),
      maxLogsDays: z.number().positive().default(7),
    })
    .prefault({}),
});

export type KlaxonConfig = z.output<typeof configSchema>;
export type RouteConfig = KlaxonConfig['routes'][number];
export type PermissionConfig = z.output<typeof permissionSchema>;
export type PermissionAction = keyof KlaxonConfig['permissions'];
