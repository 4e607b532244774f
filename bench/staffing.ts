// Erlang staffing at contact-centre scale: the time to solve 80 % within 20 s at 10,000 erlangs
// (200,000 calls per 30 min, AHT 90 s), Erlang C and Erlang A (patience 90 s). Target: under 50 ms.
// Usage: npx tsx bench/staffing.ts   — the last line is JSON: { erlang_c_10000: Timing, erlang_a_10000: Timing }
import { requiredAgents, type StaffingRequest } from '../src/kpi/staffing/erlang.js';
import { time } from './lib/timing.js';

const base: StaffingRequest = {
  arrivals: 200_000,
  intervalS: 1800,
  ahtS: 90,
  target: { kind: 'service_level', level: 0.8, withinS: 20 },
  maxOccupancy: 1,
};

let agentsC = 0;
let agentsA = 0;
// Each run builds its Erlang B table afresh: nothing is cached between solves.
const erlangC = await time(() => (agentsC = requiredAgents(base).agents), { warmup: 3, runs: 21 });
const erlangA = await time(() => (agentsA = requiredAgents({ ...base, patienceS: 90 }).agents), {
  warmup: 2,
  runs: 11,
});
process.stdout.write(
  `Erlang C, 10,000 erlangs → ${agentsC} agents: median ${erlangC.median_ms} ms (${erlangC.runs} runs)\n` +
    `Erlang A, 10,000 erlangs → ${agentsA} agents: median ${erlangA.median_ms} ms (${erlangA.runs} runs)\n`,
);
process.stdout.write(
  `${JSON.stringify({ erlang_c_10000: { ...erlangC, agents: agentsC }, erlang_a_10000: { ...erlangA, agents: agentsA } })}\n`,
);
