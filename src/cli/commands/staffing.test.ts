import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { staffing } from './staffing.js';

/** Runs the command in-process and returns what it printed (commander hands options over camel-cased). */
async function run(options: Record<string, string | boolean>): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  await staffing({ ...loadConfig({}), db: 'sqlite::memory:' }, options, Boolean(options.json));
  vi.restoreAllMocks();
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('firstline staffing (the calculator)', () => {
  it('prints the issue’s JSON shape: 1,000 calls an hour at AHT 120 s, 80/20, occupancy ≤ 85 %, 30 % shrinkage', async () => {
    const out = JSON.parse(
      await run({
        arrivals: '1000',
        intervalS: '3600',
        ahtS: '120',
        targetSl: '0.8',
        targetS: '20',
        maxOccupancy: '0.85',
        shrinkage: '0.3',
        json: true,
      }),
    );
    expect(Object.keys(out)).toEqual([
      'agents',
      'scheduled',
      'p_wait',
      'service_level',
      'asa_s',
      'occupancy',
    ]);
    expect(out).toMatchObject({ agents: 40, scheduled: 58 });
    expect(out.p_wait).toBeCloseTo(0.1907, 4);
  });

  it('gives the figures at a fixed staffing with --agents, and a table without --json', async () => {
    const args = { arrivals: '100', intervalS: '1800', ahtS: '180', agents: '14' };
    const json = JSON.parse(await run({ ...args, targetSl: '0.8', json: true }));
    expect(json.service_level).toBeCloseTo(0.888, 3);
    const text = await run({ ...args, targetAsaS: '10' });
    expect(text).toContain('Erlang C: 10.00 erlangs offered');
    expect(text).toMatch(/P\(wait\)\s+17\.4 %/);
    expect(text).toMatch(/ASA\s+7\.8 s/);
  });

  it('refuses bad input naming the flag', async () => {
    await expect(run({ arrivals: '100', intervalS: '1800', ahtS: 'soon', json: true })).rejects.toThrow(
      '--aht-s: must be a number',
    );
    await expect(
      run({ arrivals: '100', intervalS: '1800', ahtS: '180', targetSl: '0.8', targetAsaS: '9' }),
    ).rejects.toThrow('--target-asa-s: give either --target-sl');
    await expect(run({ arrivals: '100', ahtS: '180', targetSl: '0.8' })).rejects.toThrow(
      '--interval-s: is required with --arrivals',
    );
  });
});
