/**
 * A repeat customer's usual reorder interval, learned from the gaps between their own orders.
 * Orders logged within a week of each other are one order (a PO, then its confirmation); the
 * median gap resists one unusual order; one order alone gives the default.
 */
const DAY_MS = 24 * 3600 * 1000;
const SAME_ORDER_MS = 7 * DAY_MS;

/** Order times, ascending, with those within a week of the previous one folded into it. */
export function distinctOrderTimes(times: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of sorted) if (!out.length || t - out[out.length - 1]! >= SAME_ORDER_MS) out.push(t);
  return out;
}

/** The usual gap between orders, in days (rounded); `fallbackDays` with fewer than two orders. */
export function reorderIntervalDays(orderTimes: readonly number[], fallbackDays: number): number {
  const orders = distinctOrderTimes(orderTimes);
  if (orders.length < 2) return fallbackDays;
  const gaps = orders.slice(1).map((t, i) => (t - orders[i]!) / DAY_MS).sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return Math.max(1, Math.round(median));
}
