import { previewJson } from './json-preview.ts';

/** Slack headers stop at 150 characters; keys stay readable too. */
export const maxTitleChars = 150;

/** Fields a payload's author uses for its own name, most telling first (compared without case). */
const titleKeys = [
  'detail-type',
  'title',
  'subject',
  'type',
  'alarmname',
  'eventname',
  'name',
  'description',
  'message',
];

/** Fields worth a line above the dump, with the label they get (compared without case). */
const recognisableLabels: Record<string, string> = {
  severity: 'Severity',
  priority: 'Priority',
  level: 'Level',
  status: 'Status',
  state: 'State',
  account: 'Account',
  accountid: 'Account',
  awsaccountid: 'Account',
  region: 'Region',
  awsregion: 'Region',
  resource: 'Resource',
  resourcearn: 'Resource',
  resources: 'Resources',
  reason: 'Reason',
};

const maxRecognisedLines = 10;
const maxValueChars = 200;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, maxTitleChars);
}

/** The object whose fields describe the payload: itself, or the first item of an array. */
function describedObject(payload: unknown): Json | undefined {
  if (isObject(payload)) return payload;
  return Array.isArray(payload) && isObject(payload[0]) ? payload[0] : undefined;
}

/** A title from the payload's own fields; undefined when it names itself nowhere. */
export function titleFromPayload(payload: unknown): string | undefined {
  const object = describedObject(payload);
  if (!object) return undefined;
  const byKey = new Map(Object.entries(object).map(([key, value]) => [key.toLowerCase(), value]));
  for (const key of titleKeys) {
    const value = byKey.get(key);
    if (typeof value !== 'string' || firstLine(value) === '') continue;
    const more = Array.isArray(payload) && payload.length > 1 ? ` (and ${payload.length - 1} more)` : '';
    return `${firstLine(value)}${more}`.slice(0, maxTitleChars);
  }
  return undefined;
}

function describeValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join(', ') || undefined;
  return undefined;
}

/** `Label: value` lines for the fields people look for first, in the payload's own order. */
export function recognisableLines(payload: unknown): string[] {
  const object = describedObject(payload);
  if (!object) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    const label = recognisableLabels[key.toLowerCase()];
    const text = label ? describeValue(value) : undefined;
    if (label && text) lines.push(`${label}: ${text.slice(0, maxValueChars)}`);
  }
  return lines.slice(0, maxRecognisedLines);
}

/**
 * Section text stops at 3,000 characters: the lines, the fences and the dump's truncation note must fit, or
 * the closing fence is cut off.
 */
const sectionBudget = 2800;
const truncationNoteChars = 80;

/**
 * The body of a generic alert: the recognisable lines, then the JSON in a code block. With no such lines it is
 * the bare JSON, which the renderer fences itself.
 */
/**
 * What a reader sees of a JSON payload nobody parses specifically: its recognisable fields in the message, and
 * the whole payload (bounded) as the first reply in the thread. With no recognisable field, a short preview.
 */
export function describeJsonPayload(payload: unknown): { summary: string; details: string } {
  const lines = recognisableLines(payload);
  const fence = '```';
  const details = `${fence}\n${previewJson(payload, { maxChars: sectionBudget - 2 * fence.length - 2 - truncationNoteChars })}\n${fence}`;
  const summary = lines.length > 0 ? lines.join('\n') : previewJson(payload, { maxChars: 600 });
  return { summary, details };
}
