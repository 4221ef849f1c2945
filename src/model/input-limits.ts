/** The mute modal's limits; the server enforces them too, since a request can be forged. */
export const muteReasonMaxLength = 500;
export const muteDurationMaxLength = 20;
