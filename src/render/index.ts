export {
  ActionValueError,
  type ActionValueResult,
  type AlertActionId,
  AlertActionIds,
  AlertLinkIds,
  encodeAlertIdValue,
  encodeModalTarget,
  encodeMuteOptionValue,
  encodeRerunValue,
  type ModalTarget,
  type MuteActionValue,
  type MuteChoice,
  MuteChoices,
  parseAlertIdValue,
  parseModalTarget,
  parseMuteOptionValue,
  parseRerunValue,
  type RerunActionValue,
} from './action-values.ts';
export { AlertActionsBlockId } from './alert-actions.ts';
export { renderAlertDetails, renderAlertDetailsModal } from './alert-details.ts';
export { AlertLinksBlockId } from './alert-links.ts';
export { renderAlertMessage } from './alert-message.ts';
export { glueRunConsoleUrl } from './glue-links.ts';
export { BlockKitLimits, enforceMessageLimits, TruncationMarker, truncateText } from './limits.ts';
export { escapeMrkdwn, formatDuration, formatSlackDate } from './mrkdwn.ts';
export { renderBlocksAsPlainText } from './plain-text.ts';
export type { SlackMessage } from './slack-message.ts';
export {
  type MuteSummary,
  renderThreadReply,
  type ThreadReply,
  type ThreadReplyKind,
} from './thread-reply.ts';
