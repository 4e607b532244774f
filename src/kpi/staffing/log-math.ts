// Small numeric helpers for working with logarithms of probabilities that may under- or overflow.

/** ln(1 + e^z), without overflow for large z nor loss of precision for very negative z. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** ln(e^a + e^b). */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

/** ln(e^l − 1) for l ≥ 0 (−∞ at 0). */
export function logExpm1(l: number): number {
  if (l === 0) return Number.NEGATIVE_INFINITY;
  return l > 30 ? l + Math.log1p(-Math.exp(-l)) : Math.log(Math.expm1(l));
}

/**
 * A sum of positive terms given by their logarithms, kept as (scale, sum·e^−scale) so that terms far
 * beyond the range of a double still add up; `log()` is ln of the total.
 */
export class LogSum {
  private scale = Number.NEGATIVE_INFINITY;
  private sum = 0;

  add(logTerm: number): void {
    if (logTerm === Number.NEGATIVE_INFINITY) return;
    if (logTerm > this.scale) {
      this.sum = this.sum * Math.exp(this.scale - logTerm) + 1;
      this.scale = logTerm;
    } else {
      this.sum += Math.exp(logTerm - this.scale);
    }
  }

  log(): number {
    return this.sum === 0 ? Number.NEGATIVE_INFINITY : this.scale + Math.log(this.sum);
  }
}
