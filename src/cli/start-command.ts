import { startServer } from '../app/start-server.ts';
import { loadConfig } from '../config/load-config.ts';
import { loadSettings } from '../config/load-settings.ts';
import { createLogger } from '../observability/logger.ts';

/** `klaxon start`: runs until SIGTERM/SIGINT, then finishes in-flight work and stops cleanly. */
export async function runStart(env: NodeJS.ProcessEnv): Promise<number> {
  const settings = loadSettings(env);
  const config = loadConfig(env);
  const logger = createLogger({ level: settings.logLevel, format: settings.logFormat });
  if (settings.slackMode === 'local' && !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
    // Without credentials the SDK would probe the EC2 metadata endpoint; locally that is only a slow "no".
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
  }
  const running = await startServer(settings, config, logger, (text) => process.stdout.write(text));
  printBanner(running.url, settings.publicUrl, running.sandbox?.kept);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down: finishing in-flight work');
      running.stop().then(resolve, (error) => {
        logger.error({ err: error }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  logger.info('stopped');
  return 0;
}

interface KeptSandbox {
  path: string;
  restored?: { channels: number; messages: number };
}

function printBanner(url: string, publicUrl: string | undefined, sandbox: KeptSandbox | undefined) {
  const base = publicUrl ?? url;
  const lines = [
    '',
    `Klaxon is running on ${url}`,
    `  SNS endpoint (subscribe your topics over HTTPS): POST ${base}/sns`,
    `  Slack request URL:                            ${base}/slack/events`,
    `  Health:                                       GET  ${base}/healthz`,
  ];
  if (sandbox) {
    lines.push(
      `  Sandbox (no Slack token set: local stand-in for Slack): ${url}/sandbox`,
      `  ${describeKept(sandbox)}`,
      '  Messages Klaxon posts are printed below.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** Says which sandbox this is: the one kept from the last run, or a fresh one, and how to start over. */
export function describeKept(kept: KeptSandbox): string {
  const start = kept.restored
    ? `Kept from the last run: ${kept.restored.messages} message(s) in ${kept.restored.channels} channel(s)`
    : 'A fresh sandbox';
  return `${start}; the stand-in's messages are kept in ${kept.path} with the alerts (delete that directory to start both fresh).`;
}
