import * as z from 'zod';
import { AlertSources, Severities } from '../model/alert.ts';
import { accountIdPattern } from '../model/aws-ids.ts';
import { EnrichmentKinds } from '../model/enrichment.ts';
import { lazy } from '../util/lazy.ts';
import { isValidTimeZone, maxWindowMinutes, toCronSchedule } from './maintenance-window.ts';

const severity = lazy(() => z.enum(Severities));
const sourceName = lazy(() => z.enum(Object.values(AlertSources)));
const slackUserId = lazy(() =>
  z.string().regex(/^[UW][A-Z0-9]+$/, 'must be a Slack user id such as U012AB3CD'),
);
const slackUsergroupId = lazy(() =>
  z.string().regex(/^S[A-Z0-9]+$/, 'must be a Slack user group id such as S0614TZR7'),
);
// Slack channel names are lowercase letters, numbers, hyphens and underscores, at most 80 characters.
const channel = lazy(() =>
  z
    .string()
    .regex(
      /^(?:[CGD][A-Z0-9]+|#[\p{Ll}\p{Lo}\p{N}_-]{1,80})$/u,
      'must be a channel id (C…) or #name (lowercase letters, numbers, - and _, no spaces)',
    )
    .describe('Slack channel id (C…) or #name'),
);

/** `@here`, `@channel`, a user group id (S…) or a user id (U…), turned into Slack mention syntax. */
const mention = lazy(() => z.union([z.enum(['@here', '@channel']), slackUsergroupId(), slackUserId()]));

/** What a route, a silence or a maintenance window selects (src/model/alert-matchers.ts). */
const matchSchema = lazy(() =>
  z.strictObject({
    source: z.union([sourceName(), z.array(sourceName())]).optional(),
    account: z.union([z.string(), z.array(z.string())]).optional(),
    region: z.union([z.string(), z.array(z.string())]).optional(),
    /** Glob on the alert's name (alarm name, job name, finding type): `*` any run, `?` one character. */
    name: z.string().optional(),
    severity: z.union([severity(), z.array(severity())]).optional(),
  }),
);
/**
 * Reminders for an open alert nobody has acknowledged: each level fires `afterMinutes` after the one before
 * (the first after the alert fired), mentioning its targets in a reply also shown in the channel. A bare
 * list of levels is short for `{ levels }`; an empty list turns escalation off.
 */
const escalationLevelSchema = lazy(() =>
  z.strictObject({
    afterMinutes: z
      .number({ error: 'must be a number of minutes' })
      .positive('must be more than 0 minutes')
      .max(7 * 24 * 60, 'must be at most a week (10080 minutes)'),
    targets: z
      .array(
        z
          .string()
          .regex(
            /^(@here|@channel|S[A-Z0-9]+|[UW][A-Z0-9]+)$/,
            'must be @here, @channel, a user group id (S…) or a user id (U…)',
          ),
      )
      .min(1, 'must name at least one target'),
  }),
);
const escalationSchema = lazy(() =>
  z.preprocess(
    (value) => (Array.isArray(value) ? { levels: value } : value),
    z.strictObject({
      levels: z.array(escalationLevelSchema()).max(10, 'at most 10 levels'),
      severities: z.array(severity()).default(['critical', 'high']),
    }),
  ),
);
/** Enrichments by kind, each on (true) or off (false); a kind left out keeps the default. */
const enrichSwitches = lazy(() => z.partialRecord(z.enum(EnrichmentKinds), z.boolean()));

const routeSchema = lazy(() =>
  z.strictObject({
    match: matchSchema().default({}),
    channel: channel(),
    mentions: z
      .strictObject({
        targets: z.array(mention()).min(1),
        severities: z.array(severity()).default(['critical', 'high']),
      })
      .optional(),
    runbook: z.url().optional(),
    /** The severity of a firing alert this route takes (recoveries keep theirs); mentions follow it. */
    severity: severity().optional(),
    escalation: escalationSchema().optional(),
    /** Enrichments switched on or off for this route's alerts, over `enrichment.enabled`: `{ 'log-lines': false }`. */
    enrich: enrichSwitches().optional(),
  }),
);

/** Who may do something: listed users, members of listed user groups, or everyone. */
const permissionSchema = lazy(() =>
  z.strictObject({
    everyone: z.boolean().default(false),
    users: z.array(slackUserId()).default([]),
    usergroups: z.array(slackUsergroupId()).default([]),
  }),
);

const everyone = { everyone: true, users: [], usergroups: [] };
const nobody = { everyone: false, users: [], usergroups: [] };

/** A recurring maintenance window: while open, matching alerts are held back as by a silence. */
const maintenanceWindowSchema = lazy(() =>
  z
    .strictObject({
      name: z.string().regex(/^[A-Za-z0-9 _.-]{1,60}$/, 'must be 1–60 letters, digits, spaces, _ . or -'),
      schedule: z.union([
        z.strictObject({ cron: z.string(), durationMinutes: z.number().int().min(1).max(maxWindowMinutes) }),
        z.strictObject({ weekly: z.strictObject({ day: z.string(), start: z.string(), end: z.string() }) }),
      ]),
      timeZone: z.string().default('UTC'),
      match: matchSchema().default({}),
      /** Where its summary is posted; the default channel when absent. */
      channel: channel().optional(),
    })
    .superRefine((window, context) => {
      const schedule = toCronSchedule(window.schedule);
      if (typeof schedule === 'string') {
        const key = 'cron' in window.schedule ? 'cron' : 'weekly';
        context.addIssue({ code: 'custom', path: ['schedule', key], message: schedule });
      }
      if (!isValidTimeZone(window.timeZone))
        context.addIssue({
          code: 'custom',
          path: ['timeZone'],
          message: `${JSON.stringify(window.timeZone)} is not an IANA time zone such as Europe/Berlin`,
        });
    }),
);

export const configSchema = lazy(() =>
  z.strictObject({
    defaultChannel: channel().default('#alerts'),
    /** Where Klaxon tells its operators about itself (a channel it cannot post alerts to); optional. */
    operatorChannel: channel().optional(),
    routes: z.array(routeSchema()).default([]),
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
        acknowledge: permissionSchema().default(everyone),
        mute: permissionSchema().default(everyone),
        resolve: permissionSchema().default(everyone),
        rerun: permissionSchema().default(nobody),
        query: permissionSchema().default(everyone),
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
    /** Account id → a name people know it by ("prod-data"), shown wherever the account appears. */
    accounts: z
      .record(
        z.string().regex(accountIdPattern, 'must be a 12-digit AWS account id'),
        z.string().trim().min(1).max(64),
      )
      .default({}),
    /**
     * The sweep compares open CloudWatch alarm alerts with the alarms' real state (DescribeAlarms) at most this
     * often, and resolves those whose recovery notification was lost.
     */
    reconciliation: z
      .strictObject({
        enabled: z.boolean().default(true),
        intervalMinutes: z.number().min(1).max(1440).default(5),
      })
      .prefault({}),
    maintenanceWindows: z
      .array(maintenanceWindowSchema())
      .default([])
      .refine(
        (windows) => new Set(windows.map((w) => w.name)).size === windows.length,
        'window names must differ',
      ),
    /** The escalation of routes that name none (and of alerts no route matches). */
    escalation: escalationSchema().optional(),
    enrichment: z
      .strictObject({
        /** The default for every route: an enrichment is on unless switched off here or on the route. */
        enabled: enrichSwitches().default({}),
        /** Each lookup's time budget; past it the thread says "… unavailable: timed out". */
        timeoutSeconds: z.number().positive().max(60).default(8),
      })
      .prefault({}),
  }),
);

export type KlaxonConfig = z.output<ReturnType<typeof configSchema>>;
export type RouteConfig = KlaxonConfig['routes'][number];
export type PermissionConfig = z.output<ReturnType<typeof permissionSchema>>;
export type PermissionAction = keyof KlaxonConfig['permissions'];
export type MaintenanceWindowConfig = KlaxonConfig['maintenanceWindows'][number];
export type EscalationConfig = z.output<ReturnType<typeof escalationSchema>>;
