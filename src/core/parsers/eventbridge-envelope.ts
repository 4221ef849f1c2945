import { z } from 'zod';

/** The envelope every AWS service event shares; `detail` is each parser's own business. */
export const eventBridgeEnvelopeSchema = z.looseObject({
  version: z.string().optional(),
  id: z.string().optional(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
  detail: z.unknown(),
});
export type EventBridgeEnvelope = z.infer<typeof eventBridgeEnvelopeSchema>;

export function envelopeWith<Detail extends z.ZodType>(detail: Detail) {
  return eventBridgeEnvelopeSchema.extend({ detail });
}

export function isEventBridgeEvent(payload: unknown): payload is EventBridgeEnvelope {
  return eventBridgeEnvelopeSchema.safeParse(payload).success;
}
