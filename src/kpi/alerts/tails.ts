// Upper-tail probabilities of count distributions, summed in log space so that large means and far
// tails neither underflow nor lose their digits.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * P(X ≥ k) for a unimodal count distribution given its log pmf: the terms from k upwards while they
 * matter when k lies above the mean (a small tail, kept to full precision), else 1 − P(X < k).
 */
function upperTail(k: number, mean: number, logPmf: (j: number) => number): number {
  if (k <= 0) return 1;
  if (k <= mean) {
    let below = 0;
    for (let j = 0; j < k; j++) below += Math.exp(logPmf(j));
    return Math.min(1, Math.max(0, 1 - below));
  }
  let tail = 0;
  for (let j = k; j < k + 100_000; j++) {
    const term = Math.exp(logPmf(j));
    tail += term;
    if (term <= tail * 1e-17) break;
  }
  return Math.min(1, tail);
}

/** P(X ≥ k) for X ~ Poisson(μ). */
export function poissonTail(k: number, mu: number): number {
  if (mu <= 0) return k <= 0 ? 1 : 0;
  const logMu = Math.log(mu);
  return upperTail(k, mu, (j) => j * logMu - mu - logGamma(j + 1));
}

/**
 * P(X ≥ k) for a count with mean μ and variance φ·μ: Poisson when φ ≤ 1, else the negative binomial
 * with r = μ / (φ − 1) successes of probability 1/φ.
 */
export function countTail(k: number, mu: number, phi: number): number {
  if (phi <= 1 + 1e-9 || mu <= 0) return poissonTail(k, mu);
  const r = mu / (phi - 1);
  const logP = -Math.log(phi);
  const logQ = Math.log1p(-1 / phi);
  const base = r * logP - logGamma(r);
  return upperTail(k, mu, (j) => base + logGamma(j + r) - logGamma(j + 1) + j * logQ);
}
