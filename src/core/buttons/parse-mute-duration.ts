/** A custom mute lasts at least a minute and at most 30 days; longer belongs in the configuration. */
export const customMuteBounds = { minMs: 60_000, maxMs: 30 * 86_400_000 } as const;

const unitMs: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

export type MuteDurationResult = { ok: true; durationMs: number } | { ok: false; message: string };

/** "90m", "2h", "1d", "2h30m", "1d 4h": days, hours and minutes, each at most once, largest first. */
export function parseMuteDuration(input: string): MuteDurationResult {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?$/.exec(text);
  if (!text || !match) {
    return { ok: false, message: 'Use days, hours and minutes, such as 90m, 2h, 2h30m or 1d.' };
  }
  const [, days, hours, minutes] = match;
  const durationMs =
    Number(days ?? 0) * unitMs.d! + Number(hours ?? 0) * unitMs.h! + Number(minutes ?? 0) * unitMs.m!;
  if (durationMs < customMuteBounds.minMs) return { ok: false, message: 'Mute for at least 1 minute.' };
  if (durationMs > customMuteBounds.maxMs) return { ok: false, message: 'Mute for at most 30 days.' };
  return { ok: true, durationMs };
}
