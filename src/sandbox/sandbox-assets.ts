import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Route } from '../server/http-server.ts';

const pageDir = new URL('./page/', import.meta.url);
const stylesheets = ['sandbox.css', 'block-kit.css'];

// The page draws only what it escaped itself and loads nothing from elsewhere but Block Kit images;
// this policy makes any slip in that escaping inert.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  'img-src https: data:',
  "frame-ancestors 'none'",
].join('; ');

/** The page's static files; the script is built from TypeScript with esbuild on first request. */
export function createSandboxAssetRoutes(): Route[] {
  let script: Promise<string> | undefined;
  const page = (res: ServerResponse) => serveFile(res, 'index.html', 'text/html; charset=utf-8');
  return [
    { method: 'GET', path: '/sandbox', handle: (_req, res) => page(res) },
    { method: 'GET', path: '/sandbox/', handle: (_req, res) => page(res) },
    ...stylesheets.map((name) => ({
      method: 'GET',
      path: `/sandbox/${name}`,
      handle: (_req: IncomingMessage, res: ServerResponse) => serveFile(res, name, 'text/css; charset=utf-8'),
    })),
    {
      method: 'GET',
      path: '/sandbox/app.js',
      async handle(_req, res) {
        // A failed build is not cached: the next reload tries again (after a fix to the page source).
        script ??= buildPageScript().catch((error: unknown) => {
          script = undefined;
          throw error;
        });
        send(res, await script, 'text/javascript; charset=utf-8');
      },
    },
  ];
}

async function serveFile(res: ServerResponse, name: string, contentType: string): Promise<void> {
  send(res, await readFile(new URL(name, pageDir), 'utf8'), contentType);
}

function send(res: ServerResponse, body: string, contentType: string): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** Bundles page/main.ts for the browser. esbuild is loaded only here: only the local sandbox needs it. */
export async function buildPageScript(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('main.ts', pageDir))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
