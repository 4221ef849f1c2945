import type { KlaxonStackProps } from '../klaxon-stack.ts';
import type { KlaxonSettings } from './settings-schema.ts';

/** The stack's props from validated settings (the stack name is the stack's id, not a prop). */
export function settingsToStackProps(s: KlaxonSettings): KlaxonStackProps {
  return {
    config: s.config,
    configFile: s.configFile,
    defaultChannel: s.channel,
    bundleDir: s.bundleDir,
    subscribeTopicArns: s.subscribeTopicArns,
    allowedTopicArns: s.allowedTopicArns,
    logsQueryLogGroupArns: s.logsQueryLogGroupArns,
    rerunGlueJobNames: s.rerunGlueJobNames,
    cloudTrailQuery: s.athena && {
      bucketName: s.athena.cloudTrailBucket,
      bucketPrefix: s.athena.cloudTrailPrefix,
      glueDatabase: s.athena.glueDatabase,
      glueTable: s.athena.glueTable,
      athenaOutputLocation: s.athena.outputLocation,
      athenaWorkGroup: s.athena.workGroup,
      kmsKeyArns: s.athena.kmsKeyArns,
    },
    operatorEmail: s.operatorEmail,
    reservedConcurrency: s.reservedConcurrency,
    eventRules: s.eventRules,
    enrichment: s.enrichment,
    oldestPendingAlarmSeconds: s.oldestPendingAlarmSeconds,
    alertsTopicName: s.alertsTopicName,
    logLevel: s.logLevel,
    slackAppId: s.slackAppId,
  };
}
