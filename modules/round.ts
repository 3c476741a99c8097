/**
 * Rounds to two decimals (cents, GB): scaling through a decimal string first keeps 16.425 from
 * becoming 16.42, as 16.425 * 100 is 1642.4999... in floating point.
 */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toFixed(6))) / 100;
}
