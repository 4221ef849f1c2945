import type { SlackUserRef } from './alert-view.ts';

/**
 * Who the audit names for what Klaxon does on its own (reminders, a silence that ran out): no Slack user id
 * starts with a lower-case letter.
 */
export const klaxonActor = { userId: 'klaxon', userName: 'Klaxon' } as const satisfies SlackUserRef;
