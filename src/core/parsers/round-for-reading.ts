/**
 * A number as a person reads it at a glance: 17.2564528039004 → 17.3, 45628.0 → 45628, 0.46522264 → 0.47,
 * 15.0 → 15. Whole numbers stay whole; larger numbers need fewer decimals to be told apart.
 */
export function roundForReading(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (Number.isInteger(value) || size >= 1000) return String(Math.round(value));
  if (size >= 10) return trim(value.toFixed(1));
  if (size >= 1) return trim(value.toFixed(2));
  return String(Number(value.toPrecision(2)));
}

function trim(fixed: string): string {
  return fixed.replace(/\.?0+$/, '');
}
