import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the test environment', () => {
  it("turns off the AWS SDK's Node-version warning, for tests and the processes they start", () => {
    // Prepare: a child process builds an SDK client and sends nothing, as start-up tests do.
    const script =
      "import('@aws-sdk/client-sns').then(({ SNSClient }) => { new SNSClient({ region: 'us-east-1' }); })";

    // Act
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: process.env });

    // Assess
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    expect(child.stderr).not.toContain('NodeVersionSupportWarning');
  });
});
