import type { ErlangBTable } from './erlang-b.js';
import { logExpm1, softplus } from './log-math.js';
import type { QueueFigures } from './types.js';

/**
 * Erlang C (M/M/n, callers wait as long as it takes) with n agents on the table's load A and handle
 * time `ahtS`, from Erlang B: 1/C = 1 + ((n − A)/n)·(1/B − 1), worked in logarithms so that it holds for
 * n far above A as well. Service level = 1 − C·e^−(n−A)·T/AHT; ASA = C·AHT/(n − A); occupancy = A/n.
 * With n ≤ A the queue grows without bound: everyone waits, the service level is 0 and ASA infinite (null).
 */
export function erlangC(table: ErlangBTable, n: number, ahtS: number, targetS: number): QueueFigures {
  const a = table.load;
  if (n <= a) {
    return { agents: n, p_wait: 1, service_level: 0, asa_s: null, occupancy: 1, p_abandon: null };
  }
  const logInvBMinus1 = logExpm1(table.logInverse(n));
  const pWait = Math.exp(-softplus(Math.log((n - a) / n) + logInvBMinus1));
  return {
    agents: n,
    p_wait: pWait,
    service_level: 1 - pWait * Math.exp((-(n - a) * targetS) / ahtS),
    asa_s: (pWait * ahtS) / (n - a),
    occupancy: a / n,
    p_abandon: null,
  };
}
