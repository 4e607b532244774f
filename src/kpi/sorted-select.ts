import { percentilesInPlace } from './aggregate.js';

/** Below this many values left, the rest are copied out and sorted (cheaper than another round). */
const SMALL = 64;

/** The first index in a[lo..hi) whose value is not below x (strict: below; else at or below). */
function bound(a: Float64Array, lo: number, hi: number, x: number, orEqual: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The k-th smallest value (from 0) of several ascending lists taken together, without merging them. Each
 * round takes as pivot the median of the lists' middle values weighted by how many values each has left,
 * so at least a quarter of what is left goes every round: about log n rounds of a binary search per list.
 */
export function kthOfSorted(parts: readonly Float64Array[], k: number): number {
  const m = parts.length;
  const lo = new Int32Array(m);
  const hi = Int32Array.from(parts, (p) => p.length);
  const lt = new Int32Array(m);
  const le = new Int32Array(m);
  let r = k;
  for (;;) {
    let left = 0;
    for (let j = 0; j < m; j++) left += hi[j]! - lo[j]!;
    if (r < 0 || r >= left) throw new RangeError(`rank ${k} is outside the lists`);
    if (left <= SMALL) {
      const rest = new Float64Array(left);
      let at = 0;
      for (let j = 0; j < m; j++) {
        rest.set(parts[j]!.subarray(lo[j], hi[j]), at);
        at += hi[j]! - lo[j]!;
      }
      return rest.sort()[r]!;
    }
    const middles: { v: number; w: number }[] = [];
    for (let j = 0; j < m; j++) {
      const w = hi[j]! - lo[j]!;
      if (w > 0) middles.push({ v: parts[j]![(lo[j]! + hi[j]!) >>> 1]!, w });
    }
    middles.sort((x, y) => x.v - y.v);
    let pivot = middles[middles.length - 1]!.v;
    let seen = 0;
    for (const { v, w } of middles) {
      seen += w;
      if (seen * 2 >= left) {
        pivot = v;
        break;
      }
    }
    let below = 0;
    let equal = 0;
    for (let j = 0; j < m; j++) {
      lt[j] = bound(parts[j]!, lo[j]!, hi[j]!, pivot, false);
      le[j] = bound(parts[j]!, lt[j]!, hi[j]!, pivot, true);
      below += lt[j]! - lo[j]!;
      equal += le[j]! - lt[j]!;
    }
    if (r < below) hi.set(lt);
    else if (r < below + equal) return pivot;
    else {
      lo.set(le);
      r -= below + equal;
    }
  }
}

/**
 * Nearest-rank percentiles (as `percentiles`) of several ascending lists taken together. Each round of
 * `kthOfSorted` costs a sort of the lists' middles and a binary search per list, so many short lists (a
 * group's few items a day over a year) are copied into one array and selected there instead.
 */
export function percentilesOfSorted(
  parts: readonly Float64Array[],
  ps: readonly number[],
): (number | null)[] {
  const n = parts.reduce((sum, p) => sum + p.length, 0);
  if (n === 0) return ps.map(() => null);
  if (n < parts.length * PER_LIST) {
    const all = new Float64Array(n);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return percentilesInPlace(all, ps);
  }
  return ps.map((p) => kthOfSorted(parts, Math.max(1, Math.ceil(p * n)) - 1));
}

/** Fewer values a list than this on average, and copying them out beats the rounds. */
const PER_LIST = 64;
