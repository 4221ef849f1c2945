import * as z from 'zod';
import { lazy } from '../util/lazy.ts';

export const SnsMessageTypes = {
  notification: 'Notification',
  subscriptionConfirmation: 'SubscriptionConfirmation',
  unsubscribeConfirmation: 'UnsubscribeConfirmation',
} as const;

/**
 * An SNS message as delivered over HTTPS, or as the `Sns` object of a Lambda SNS record. The two forms spell
 * two fields differently (`SigningCertURL`/`SigningCertUrl`, `UnsubscribeURL`/`UnsubscribeUrl`); the
 * schema accepts both and normalizes to the HTTPS spelling.
 */
const snsMessageSchema = lazy(() =>
  z.object({
    Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
    MessageId: z.string().min(1).max(200),
    TopicArn: z.string().startsWith('arn:'),
    Subject: z.string().nullish(),
    Message: z.string(),
    Timestamp: z.string().min(1),
    SignatureVersion: z.string(),
    Signature: z.string().min(1),
    SigningCertURL: z.string().optional(),
    SigningCertUrl: z.string().optional(),
    Token: z.string().optional(),
    SubscribeURL: z.string().optional(),
    UnsubscribeURL: z.string().optional(),
    UnsubscribeUrl: z.string().optional(),
  }),
);

type SnsEnvelope = z.output<ReturnType<typeof snsMessageSchema>>;

export type SnsMessage = Omit<
  SnsEnvelope,
  'SigningCertUrl' | 'UnsubscribeUrl' | 'Subject' | 'SigningCertURL'
> & {
  Subject: string | undefined;
  SigningCertURL: string;
  UnsubscribeURL: string | undefined;
};

/**
 * The HTTPS spelling, in plain code after the schema rather than as a zod `.transform`: a transform makes
 * V8 pretenure zod's per-parse objects into the old generation, which cost every later parse in the process
 * old-space garbage and major collections (about as much CPU as the envelope's own parse). Built field by
 * field: a rest pattern copies through V8's slow generic path.
 */
function normalizeSnsMessage(envelope: SnsEnvelope): SnsMessage {
  const message: SnsMessage = {
    Type: envelope.Type,
    MessageId: envelope.MessageId,
    TopicArn: envelope.TopicArn,
    Subject: envelope.Subject ?? undefined,
    Message: envelope.Message,
    Timestamp: envelope.Timestamp,
    SignatureVersion: envelope.SignatureVersion,
    Signature: envelope.Signature,
    SigningCertURL: envelope.SigningCertURL ?? envelope.SigningCertUrl ?? '',
    UnsubscribeURL: envelope.UnsubscribeURL ?? envelope.UnsubscribeUrl,
  };
  if (envelope.Token !== undefined) message.Token = envelope.Token;
  if (envelope.SubscribeURL !== undefined) message.SubscribeURL = envelope.SubscribeURL;
  return message;
}

export type SnsParseResult =
  | { ok: true; message: SnsMessage }
  | { ok: false; reason: 'not-json' | 'raw-delivery' | 'invalid-envelope'; detail: string };

/**
 * Reads an SNS delivery body. Raw message delivery sends the bare message without the envelope, so it has
 * no signature and cannot be verified: it is recognised and refused with its own reason.
 */
export function parseSnsMessage(body: string): SnsParseResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json', detail: 'body is not JSON' };
  }
  const parsed = snsMessageSchema().safeParse(json);
  if (parsed.success) return { ok: true, message: normalizeSnsMessage(parsed.data) };
  if (!hasSnsEnvelopeShape(json)) {
    return {
      ok: false,
      reason: 'raw-delivery',
      detail:
        'message has no SNS envelope (Type, MessageId, Signature): raw message delivery cannot be verified; turn off RawMessageDelivery on the subscription',
    };
  }
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason: 'invalid-envelope',
    detail: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
  };
}

function hasSnsEnvelopeShape(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'Type' in json && 'MessageId' in json;
}
