import * as z from 'zod';
import { lazy } from '../../util/lazy.ts';

/**
 * One `/klaxon` command to run, as plain JSON: it crosses an asynchronous Lambda invocation, so it holds
 * only what Slack sent (no parsed dates, no clients). The worker parses `text` again with `issuedAt` as
 * "now", which gives the same time range the listener checked.
 */
export const commandJobSchema = lazy(() =>
  z.strictObject({
    version: z.literal(1),
    command: z.string().min(1),
    text: z.string(),
    userId: z.string().min(1),
    userName: z.string().optional(),
    channelId: z.string().min(1),
    teamId: z.string().optional(),
    responseUrl: z.url(),
    /** ISO time the listener received the command; Slack's response_url window counts from here. */
    issuedAt: z.iso.datetime(),
  }),
);
export type CommandJob = z.output<ReturnType<typeof commandJobSchema>>;

/** The fields of Slack's slash-command payload that a job needs (Bolt's `SlashCommand` has them all). */
export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  team_id?: string;
  response_url: string;
}

export function buildCommandJob(payload: SlashCommandFields, issuedAt: Date): CommandJob {
  return {
    version: 1,
    command: payload.command,
    text: payload.text.trim(),
    userId: payload.user_id,
    ...(payload.user_name ? { userName: payload.user_name } : {}),
    channelId: payload.channel_id,
    ...(payload.team_id ? { teamId: payload.team_id } : {}),
    responseUrl: payload.response_url,
    issuedAt: issuedAt.toISOString(),
  };
}

/** Reads a job from an untrusted boundary (a Lambda event); undefined when it is not one. */
export function readCommandJob(value: unknown): CommandJob | undefined {
  const parsed = commandJobSchema().safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
