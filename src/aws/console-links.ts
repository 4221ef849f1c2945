/**
 * Console deep links (commercial partition only: China and GovCloud consoles live on other domains).
 * The Logs Insights fragment uses the console's JSURL-style encoding: `~(key~'value)`, with every
 * character outside [A-Za-z0-9_.-] written as `*hh` (or `**hhhh`), and `$` standing in for `%`.
 */
export function buildLogsInsightsUrl(input: {
  region: string;
  logGroups: string[];
  query: string;
  from: Date;
  to: Date;
}): string {
  const sources = input.logGroups.map((group) => `~'${encodeJsurl(group)}`).join('');
  const detail =
    `~(end~'${encodeJsurl(input.to.toISOString())}~start~'${encodeJsurl(input.from.toISOString())}` +
    `~timeType~'ABSOLUTE~tz~'UTC~editorString~'${encodeJsurl(input.query)}~source~(${sources}))`;
  return `${consoleHome(input.region, 'cloudwatch')}#logsV2:logs-insights$3FqueryDetail$3D${detail}`;
}

export function buildAthenaQueryUrl(region: string, queryExecutionId: string): string {
  return `${consoleHome(region, 'athena')}#/query-editor/history/${encodeURIComponent(queryExecutionId)}`;
}

function consoleHome(region: string, service: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/${service}/home?region=${r}`;
}

export function encodeJsurl(text: string): string {
  return text.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100
      ? `*${code.toString(16).padStart(2, '0')}`
      : `**${code.toString(16).padStart(4, '0')}`;
  });
}
