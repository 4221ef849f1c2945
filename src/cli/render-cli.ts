import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { type RenderFormat, RenderInputError, renderFile, renderFormats } from './render-command.ts';

export const renderUsage = `Usage: klaxon render [--config FILE] [--format json|text] FILE

Prints the message Klaxon would post for FILE: an SNS envelope (HTTPS or Lambda form), an SNS message
body (a CloudWatch alarm, any JSON or text) or an EventBridge event.

  --config FILE    apply this configuration's routes, mentions and runbooks (YAML or JSON, as KLAXON_CONFIG)
  --format FORMAT  json (default): the chat.postMessage payload, channel included; text: readable text
  -h, --help       this text

Exit codes: 0 printed; 2 bad arguments, unreadable input or configuration.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `klaxon render …`: its arguments, its errors as one sentence each, and its exit code. */
export function runRenderCli(args: string[], io: Io): number {
  let parsed: ReturnType<typeof parseRenderArgs>;
  try {
    parsed = parseRenderArgs(args);
  } catch (error) {
    io.err(`klaxon render: ${(error as Error).message}\n\n${renderUsage}\n`);
    return 2;
  }
  if (parsed.help) {
    io.out(`${renderUsage}\n`);
    return 0;
  }
  try {
    const config = parsed.config ? loadConfig({ KLAXON_CONFIG: parsed.config }) : undefined;
    const rendered = renderFile(parsed.file, { format: parsed.format, ...(config ? { config } : {}) });
    if (rendered.note) io.err(`klaxon render: note: ${rendered.note}\n`);
    io.out(`${rendered.output}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RenderInputError || error instanceof ConfigError)) throw error;
    io.err(`klaxon render: ${error.message}\n`);
    return 2;
  }
}

function parseRenderArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      format: { type: 'string', default: 'json' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true as const, file: '', format: 'json' as RenderFormat };
  const format = values.format as RenderFormat;
  if (!renderFormats.includes(format)) {
    throw new Error(`--format must be one of ${renderFormats.join(', ')}; got "${values.format}"`);
  }
  if (positionals.length !== 1) {
    throw new Error(
      positionals.length === 0 ? 'expected a FILE' : `expected one FILE, got ${positionals.length}`,
    );
  }
  return { help: false as const, file: positionals[0]!, format, config: values.config };
}
