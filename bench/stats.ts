export interface Spread {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles, in the unit given, rounded to 0.1. */
export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(at(1)) };
}

/** How many of each kind per command, to two decimals. */
export function perCommand(counts: Record<string, number>, commands: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).map(([k, v]) => [k, commands === 0 ? 0 : Math.round((v / commands) * 100) / 100]),
  );
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
