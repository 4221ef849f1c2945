// The Slack app manifest with the deployed Function URL in place of the placeholder host.

export const MANIFEST_PLACEHOLDER_HOST = 'YOUR-KLAXON-HOST';

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** Replaces every `YOUR-KLAXON-HOST` outside comments with the host of the Function URL (`https://<id>.lambda-url.<region>.on.aws/`). */
export function fillManifest(template: string, functionUrl: string): string {
  let url: URL;
  try {
    url = new URL(functionUrl);
  } catch {
    throw new ManifestError(`not a URL: ${functionUrl}`);
  }
  if (url.protocol !== 'https:')
    throw new ManifestError(`Slack needs an https:// request URL, got ${functionUrl}`);
  if (!template.includes(MANIFEST_PLACEHOLDER_HOST)) {
    throw new ManifestError(`the manifest has no ${MANIFEST_PLACEHOLDER_HOST} to replace`);
  }
  // Comment lines keep the placeholder: they explain it.
  return template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#') ? line : line.replaceAll(MANIFEST_PLACEHOLDER_HOST, url.host),
    )
    .join('\n');
}

/**
 * The FunctionUrl output from `cdk deploy --outputs-file` JSON (`{ "<stack>": { "FunctionUrl": … } }`): of the
 * named stack, or of the only stack there is.
 */
export function functionUrlFromOutputs(outputs: unknown, stackName?: string): string {
  const stacks = (outputs ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const names = Object.keys(stacks).filter((name) => typeof stacks[name]?.FunctionUrl === 'string');
  if (stackName !== undefined) {
    const url = stacks[stackName]?.FunctionUrl;
    if (typeof url !== 'string') throw new ManifestError(`no FunctionUrl output for stack ${stackName}`);
    return url;
  }
  if (names.length !== 1) {
    throw new ManifestError(
      names.length === 0
        ? 'no stack with a FunctionUrl output'
        : `several stacks (${names.join(', ')}): name one with --stack`,
    );
  }
  return stacks[names[0]!]!.FunctionUrl as string;
}
