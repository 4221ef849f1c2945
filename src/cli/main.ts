import { loadConfig } from '../config/load-config.ts';
import { loadSettings } from '../config/load-settings.ts';
import { createLogger } from '../observability/logger.ts';
import { describeFatalError } from './describe-fatal-error.ts';
import { runRenderCli } from './render-cli.ts';
import { runStart } from './start-command.ts';

const usage = `Usage:
  klaxon start                    run the server (no configuration: DynamoDB Local + a local stand-in for Slack)
  klaxon render [--config FILE] [--format json|text] FILE
                                  print the message Klaxon would post for an SNS envelope, message or EventBridge event
  klaxon audit export --from T --to T [--format jsonl|csv]
                                  write the audit records of a time range (ISO times) to stdout
  klaxon redrive --queue URL [--max N]
                                  replay a dead-letter queue's messages through the normal path, then delete them
  klaxon help`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    // Starting a server nobody asked for is a surprise: say what there is instead.
    process.stderr.write(`klaxon: no command given\n${usage}\n`);
    return 2;
  }
  if (command === 'start') return runStart(process.env);
  if (command === 'render') return runRenderCli(rest, io);
  if (command === 'audit' && rest[0] === 'export') return runAudit(rest.slice(1));
  if (command === 'redrive') return runRedrive(rest);
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  process.stderr.write(`klaxon: unknown command "${command}"\n${usage}\n`);
  return 2;
}

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};

async function runAudit(args: string[]): Promise<number> {
  const { runAuditExportCommand } = await import('./audit-export-command.ts');
  const settings = loadSettings(process.env);
  const logger = createLogger({ level: 'error', format: 'json', destination: process.stderr });
  return runAuditExportCommand(args, settings, loadConfig(process.env), logger);
}

async function runRedrive(args: string[]): Promise<number> {
  const { runRedriveCommand } = await import('./redrive-command.ts');
  const settings = loadSettings(process.env);
  const logger = createLogger({ level: 'warn', format: 'json', destination: process.stderr });
  return runRedriveCommand(args, settings, loadConfig(process.env), logger, process.env);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(describeFatalError(error));
    process.exitCode = 1;
  },
);
