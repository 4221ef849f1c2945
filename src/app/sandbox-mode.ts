import { createSandbox } from '../sandbox/sandbox-routes.ts';
import { createSnsSigner } from '../sandbox/sns-signer.ts';
import { localSlackIdentity, localSlackWorkspace, startLocalSlack } from './local-slack.ts';

export const sandboxTopicArn = 'arn:aws:sns:us-east-1:000000000000:klaxon-sandbox';

/**
 * Everything sandbox mode adds when no Slack token is set: the local stand-in for Slack, an SNS signing key
 * made for this run (trusted only here), and the /sandbox page's routes.
 */
export async function startSandboxMode(print: (text: string) => void, dataDir: string) {
  const local = await startLocalSlack(print, dataDir);
  const signer = createSnsSigner();
  const sandbox = createSandbox({
    api: local.api,
    signingSecret: local.signingSecret,
    signer,
    topicArn: sandboxTopicArn,
    workspace: localSlackWorkspace,
  });
  return {
    signer,
    routes: sandbox.routes,
    slack: {
      token: local.token,
      signingSecret: local.signingSecret,
      apiUrl: local.api.url,
      botIdentity: localSlackIdentity,
    },
    info: { signer, slackApiUrl: local.api.url, signingSecret: local.signingSecret, kept: local.kept },
    /** The page's event streams never end by themselves: close them before the server, or it waits on them. */
    closePage: () => sandbox.close(),
    /** After the server: in-flight work may still be posting to the stand-in for Slack. */
    stopSlack: () => local.stop(),
  };
}
export type SandboxMode = Awaited<ReturnType<typeof startSandboxMode>>;
