import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface DeadLetterMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
}

/**
 * Up to `count` (at most 10, SQS's limit) messages, each hidden for `visibilitySeconds`: a message kept after
 * a failed replay stays out of sight until the run is over, so one run never reads a message twice.
 */
export async function receiveDeadLetters(
  client: SQSClient,
  queueUrl: string,
  count: number,
  visibilitySeconds: number,
): Promise<DeadLetterMessage[]> {
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: Math.min(10, Math.max(1, count)),
      VisibilityTimeout: visibilitySeconds,
      WaitTimeSeconds: 1,
    }),
  );
  return Messages.flatMap((m) =>
    m.MessageId && m.ReceiptHandle && m.Body !== undefined
      ? [{ messageId: m.MessageId, receiptHandle: m.ReceiptHandle, body: m.Body }]
      : [],
  );
}

export async function deleteDeadLetter(client: SQSClient, queueUrl: string, receiptHandle: string) {
  await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }));
}
