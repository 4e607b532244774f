import { softplus } from './log-math.js';

/** Below this Erlang B is carried as a logarithm: A^n/n! relative to the rest no longer fits a double. */
const TINY = 1e-200;

/**
 * ln(1/B(n, A)) for n = 0, 1, 2, … of one offered load A (erlangs), grown on demand by the Erlang B
 * recursion B(n) = A·B(n−1) / (n + A·B(n−1)): no factorials and no powers, so it stays exact to a few
 * ulps for any load (each step contracts the error of the last). Once B falls below 1e−200 the same
 * recursion runs on the logarithm, 1/B(n) = 1 + (n/A)·1/B(n−1), so that it never underflows to 0.
 */
export class ErlangBTable {
  private readonly logInv: number[] = [0];
  private b = 1;

  constructor(readonly load: number) {
    if (!(load > 0) || !Number.isFinite(load))
      throw new RangeError(`offered load must be a positive number of erlangs, got ${load}`);
  }

  /** ln(1/B(n, A)) ≥ 0. */
  logInverse(n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`agents must be a whole number ≥ 0, got ${n}`);
    const a = this.load;
    for (let k = this.logInv.length; k <= n; k++) {
      const prev = this.logInv[k - 1]!;
      if (this.b >= TINY) {
        const ab = a * this.b;
        this.b = ab / (k + ab);
        this.logInv.push(-Math.log(this.b));
      } else {
        this.b = 0;
        this.logInv.push(softplus(Math.log(k / a) + prev));
      }
    }
    return this.logInv[n]!;
  }

  /** Erlang B itself: the blocking probability of n servers with no waiting room. */
  blocking(n: number): number {
    return Math.exp(-this.logInverse(n));
  }
}
