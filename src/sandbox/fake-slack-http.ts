import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from './fake-slack-types.ts';

// @slack/web-api form-encodes objects and arrays as JSON strings; parse them back so tests can inspect them.
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'files', 'metadata', 'user_auth_blocks'] as const;

export interface ParsedRequest {
  params: Params;
  /** Bytes of file parts in a multipart body (the files.uploadV2 upload step), keyed by field name. */
  fileBytes: Record<string, number>;
  /** The bytes themselves, by the same keys (the sandbox page shows an uploaded image). */
  fileContents: Record<string, Uint8Array>;
  token: string | undefined;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function parseRequest(req: IncomingMessage, body: Buffer): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const contentType = req.headers['content-type'] ?? '';
  const fileBytes: Record<string, number> = {};
  const fileContents: Record<string, Uint8Array> = {};
  const params: Params = Object.fromEntries(url.searchParams);
  if (contentType.startsWith('application/json')) {
    Object.assign(params, parseJsonObject(body.toString('utf8')));
  } else if (contentType.startsWith('multipart/form-data')) {
    Object.assign(params, await parseMultipart(contentType, body, { fileBytes, fileContents }));
  } else if (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  } else {
    fileBytes.body = body.length;
    fileContents.body = new Uint8Array(body);
  }
  decodeJsonFields(params);
  const token = readToken(req, params);
  // Keep secrets out of recorded calls, which the sandbox page displays.
  delete params.token;
  return { params, fileBytes, fileContents, token };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Params = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...(headers as Record<string, string>),
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function parseJsonObject(text: string): Params {
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Params) : {};
}

// Node's fetch Response parses multipart bodies, so no multipart library is needed.
async function parseMultipart(
  contentType: string,
  body: Buffer,
  files: Pick<ParsedRequest, 'fileBytes' | 'fileContents'>,
) {
  const form = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType },
  }).formData();
  const params: Params = {};
  const reads: Array<Promise<void>> = [];
  form.forEach((value, key) => {
    if (typeof value === 'string') params[key] = value;
    else {
      files.fileBytes[key] = value.size;
      params[key] = { filename: value.name, bytes: value.size };
      reads.push(
        value.arrayBuffer().then((buffer) => {
          files.fileContents[key] = new Uint8Array(buffer);
        }),
      );
    }
  });
  await Promise.all(reads);
  return params;
}

function decodeJsonFields(params: Params): void {
  for (const field of JSON_FIELDS) {
    const value = params[field];
    if (typeof value !== 'string') continue;
    try {
      params[field] = JSON.parse(value);
    } catch {
      // Leave malformed JSON as the raw string so the handler can reject it the way Slack would.
    }
  }
}

/** Slack takes the token from `Authorization: Bearer` or, for form bodies, a `token` field. */
function readToken(req: IncomingMessage, params: Params): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (match?.[1]) return match[1];
  return typeof params.token === 'string' && params.token !== '' ? params.token : undefined;
}
