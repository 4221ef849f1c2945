import * as z from 'zod';
import { lazy } from '../../util/lazy.ts';

/** The envelope every AWS service event shares; `detail` is each parser's own business. */
export const eventBridgeEnvelopeSchema = lazy(() =>
  z.looseObject({
    version: z.string().optional(),
    id: z.string().optional(),
    'detail-type': z.string(),
    source: z.string(),
    account: z.string().optional(),
    time: z.string().optional(),
    region: z.string().optional(),
    resources: z.array(z.string()).optional(),
    detail: z.unknown(),
  }),
);
export type EventBridgeEnvelope = z.infer<ReturnType<typeof eventBridgeEnvelopeSchema>>;

export function envelopeWith<Detail extends z.ZodType>(detail: Detail) {
  return eventBridgeEnvelopeSchema().extend({ detail });
}

/**
 * Most payloads are not events (an alarm's message, say): the two fields every envelope needs are looked at
 * first, so only a likely event pays for the schema (whose failure builds an error to throw away).
 */
export function isEventBridgeEvent(payload: unknown): payload is EventBridgeEnvelope {
  if (typeof payload !== 'object' || payload === null) return false;
  const fields = payload as Record<string, unknown>;
  if (typeof fields['detail-type'] !== 'string' || typeof fields.source !== 'string') return false;
  return eventBridgeEnvelopeSchema().safeParse(payload).success;
}
