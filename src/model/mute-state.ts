import type { MuteRecord } from './records.ts';

/** A mute is in force until its end (absent: until the alert resolves). */
export function isMuteActive(mute: MuteRecord | undefined, now: Date): boolean {
  if (!mute) return false;
  return mute.until === undefined || Date.parse(mute.until) > now.getTime();
}
