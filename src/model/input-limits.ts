/** The mute modal's limits; the server enforces them too, since a request can be forged. */
export const muteReasonMaxLength = 500;
export const muteDurationMaxLength = 20;
/** A note on an alert (the note modal); Slack's section text holds 3000 characters. */
export const noteMaxLength = 2000;
