import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatMethods } from './fake-slack-chat.ts';
import { type ParsedRequest, parseRequest, readBody, sendJson, sendText } from './fake-slack-http.ts';
import type { MethodContext, MethodHandler } from './fake-slack-method.ts';
import type { ResponseUrls } from './fake-slack-response-url.ts';
import type { FailureSpec, RecordedCall } from './fake-slack-types.ts';
import { viewAndFileMethods } from './fake-slack-views-files.ts';
import { workspaceMethods } from './fake-slack-workspace.ts';

/** Method names recorded for the two non-Web-API endpoints, so failNext and callsTo work on them too. */
export const FAKE_SLACK_UPLOAD_METHOD = 'file-upload';
export const FAKE_SLACK_RESPONSE_URL_METHOD = 'response-url';

const METHODS: Record<string, MethodHandler> = { ...chatMethods, ...workspaceMethods, ...viewAndFileMethods };

export interface ServerDeps {
  context: MethodContext;
  responseUrls: ResponseUrls;
  calls: RecordedCall[];
  takeFailure(method: string): FailureSpec | undefined;
}

type Route = { method: string; answer(parsed: ParsedRequest, res: ServerResponse, deps: ServerDeps): void };

export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<void> {
  const route = resolveRoute(new URL(req.url ?? '/', 'http://localhost').pathname);
  const body = await readBody(req);
  if (!route || (req.method !== 'POST' && req.method !== 'GET')) return sendText(res, 404, 'not_found');
  let parsed: ParsedRequest;
  try {
    parsed = await parseRequest(req, body);
  } catch {
    return sendJson(res, 200, { ok: false, error: 'invalid_json' });
  }
  const call: RecordedCall = { method: route.method, params: parsed.params, at: Date.now() };
  deps.calls.push(call);
  const failure = deps.takeFailure(route.method);
  if (failure) sendFailure(res, failure);
  else route.answer(parsed, res, deps);
  deps.context.events.emit('call', call);
}

function resolveRoute(pathname: string): Route | undefined {
  const [, prefix, name, extra] = pathname.split('/');
  if (!name || extra !== undefined) return undefined;
  if (prefix === 'api')
    return { method: name, answer: (parsed, res, deps) => answerApi(name, parsed, res, deps) };
  if (prefix === 'upload') {
    return {
      method: FAKE_SLACK_UPLOAD_METHOD,
      answer: (parsed, res, deps) => answerUpload(name, parsed, res, deps),
    };
  }
  if (prefix === 'response') {
    const answer: Route['answer'] = (parsed, res, deps) => {
      const { status, body } = deps.responseUrls.receive(name, parsed.params, deps.context);
      sendJson(res, status, body);
    };
    return { method: FAKE_SLACK_RESPONSE_URL_METHOD, answer };
  }
  return undefined;
}

function sendFailure(res: ServerResponse, failure: FailureSpec): void {
  if (!('status' in failure)) sendJson(res, 200, { ok: false, error: failure.error });
  else if (failure.status === 500) sendJson(res, 500, { ok: false, error: 'internal_error' });
  else
    sendJson(
      res,
      429,
      { ok: false, error: 'ratelimited' },
      { 'Retry-After': String(failure.retryAfterSeconds) },
    );
}

function answerApi(method: string, parsed: ParsedRequest, res: ServerResponse, deps: ServerDeps): void {
  const handler = METHODS[method];
  if (!parsed.token) sendJson(res, 200, { ok: false, error: 'not_authed' });
  else if (!handler) sendJson(res, 200, { ok: false, error: 'unknown_method' });
  else sendJson(res, 200, handler(parsed.params, deps.context));
}

// The upload step of files.uploadV2 posts the bytes as multipart (@slack/web-api) or raw; Slack answers in text.
function answerUpload(fileId: string, parsed: ParsedRequest, res: ServerResponse, deps: ServerDeps): void {
  const pending = deps.context.state.files.get(fileId);
  if (!pending) {
    sendText(res, 404, 'file_not_found');
    return;
  }
  pending.uploadedBytes = Object.values(parsed.fileBytes).reduce((sum, bytes) => sum + bytes, 0);
  pending.content = Buffer.concat(Object.values(parsed.fileContents));
  Object.assign(parsed.params, { file_id: fileId, bytes: pending.uploadedBytes });
  sendText(res, 200, `OK - ${pending.uploadedBytes}`);
}
