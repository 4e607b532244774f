import type { ErlangBTable } from './erlang-b.js';
import { LogSum, logAddExp, logExpm1 } from './log-math.js';
import type { QueueFigures } from './types.js';

/** Terms below e^−40 of the running total are dropped (about 4e−18 of it). */
const NEGLIGIBLE = 40;

/**
 * The terms t_j of Σ_{j≥0} as logarithms: ln t_0 = first, ln t_j = ln t_{j−1} + ln(z / (c + j)); stops once
 * the terms fall (ratio < 1) and a geometric bound on the whole tail is negligible beside the largest term.
 */
function* ladder(first: number, z: number, c: number): Generator<[number, number]> {
  let lt = first;
  let peak = first;
  for (let j = 0; ; j++) {
    if (j > 0) lt += Math.log(z / (c + j));
    peak = Math.max(peak, lt);
    yield [j, lt];
    const r = z / (c + j + 1);
    if (r < 1 && lt - Math.log1p(-r) < peak - NEGLIGIBLE) return;
  }
}

/**
 * Erlang A (M/M/n+M, Palm): callers hang up after an exponential patience with mean `patienceS`.
 * With x = n·patience/AHT and y = A·patience/AHT, the states with j callers waiting have weight
 * π(n+j) = π(n)·w_j, w_j = Π_{k≤j} y/(x+k), and π(n) = 1/(1/B(n, A) − 1 + Σ w_j) from Erlang B.
 * A caller who finds j waiting is served with probability x/(x+j+1) after an expected
 * (1/θ)·Σ_{k≤j} 1/(x+k+1), and answered within T (summed over j, a closed form from the incomplete
 * gamma function) with probability π(n)·(Σ_j w_j·x/(x+j+1) − x/(x+1)·E^{x+1}·e^{y(1−E)}·Σ_j (yE)^j/Π_{k≤j}(x+k+1)),
 * E = e^{−T/patience}. Every sum is kept in logarithms: for large loads the weights overflow a double.
 */
export function erlangA(
  table: ErlangBTable,
  n: number,
  ahtS: number,
  patienceS: number,
  targetS: number,
): QueueFigures {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`agents must be a whole number ≥ 1, got ${n}`);
  const a = table.load;
  const x = (n * patienceS) / ahtS;
  const y = (a * patienceS) / ahtS;
  const lx = Math.log(x);
  const waiting = new LogSum();
  const abandon = new LogSum();
  const served = new LogSum();
  const servedWait = new LogSum();
  let harmonic = 0;
  for (const [j, lw] of ladder(0, y, x)) {
    const lfrac = Math.log(x + j + 1);
    harmonic += 1 / (x + j + 1);
    waiting.add(lw);
    abandon.add(lw + Math.log(j + 1) - lfrac);
    served.add(lw + lx - lfrac);
    servedWait.add(lw + lx - lfrac + Math.log(harmonic));
  }
  const lnE = -targetS / patienceS;
  const late = new LogSum();
  const lateFirst = -y * Math.expm1(lnE) + (x + 1) * lnE + lx - Math.log(x + 1);
  for (const [, lt] of ladder(lateFirst, y * Math.exp(lnE), x + 1)) late.add(lt);

  const lnFree = logExpm1(table.logInverse(n));
  const lnPi = -logAddExp(lnFree, waiting.log());
  const pWait = Math.exp(lnPi + waiting.log());
  const pAbandon = Math.exp(lnPi + abandon.log());
  // 1 − P(wait) = π(n)·(1/B − 1), taken directly rather than as a difference of two numbers near 1.
  const noWait = Math.exp(lnPi + lnFree);
  const answeredAfterWait = Math.exp(lnPi + served.log()) - Math.exp(lnPi + late.log());
  const serviceLevel = Math.min(1, Math.max(0, noWait + answeredAfterWait));
  const answered = 1 - pAbandon;
  return {
    agents: n,
    p_wait: pWait,
    service_level: serviceLevel,
    asa_s: answered > 0 ? (Math.exp(lnPi + servedWait.log()) * patienceS) / answered : null,
    occupancy: Math.min(1, (a * answered) / n),
    p_abandon: pAbandon,
  };
}
