import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SegmentRow, SegmentTable } from './segment-table.js';

const held = (t: SegmentTable) => {
  const out: string[] = [];
  for (let s = 0; s < t.size; s++) {
    if (t.ticket[s]! < 0) continue;
    out.push(`${t.ticket[s]}|${t.from.get(s)}|${t.to.get(s)}|${t.line.get(s)}|${t.team.get(s)}`);
  }
  return out.sort();
};

describe('segment table', () => {
  it('after any run of whole replacements holds exactly the last segments of each ticket', () => {
    const seg = fc.record({
      from: fc.integer({ min: 0, max: 1e6 }),
      to: fc.option(fc.integer({ min: 0, max: 1e6 })),
      line: fc.option(fc.integer({ min: 1, max: 3 })),
      team: fc.option(fc.constantFrom('a', 'b')),
    });
    const batch = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.array(seg, { maxLength: 4 })), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 400 }), (batches) => {
        const table = new SegmentTable();
        const expected = new Map<number, string[]>();
        for (const b of batches) {
          const rows: SegmentRow[] = [];
          const tickets = new Set<number>();
          for (const [t, list] of b) {
            tickets.add(t);
            rows.push(
              ...list.map((s) => ({
                ticket_id: String(t),
                from_at: s.from,
                to_at: s.to,
                line: s.line,
                team_id: s.team,
              })),
            );
          }
          // the database answers each ticket's rows together only when sorted; a batch may name a ticket twice
          const last = new Map<number, SegmentRow[]>();
          for (const t of tickets) last.set(t, []);
          for (const r of rows) last.get(Number(r.ticket_id))!.push(r);
          const sorted = [...last.values()].flat();
          table.replace([...tickets], sorted, Number);
          for (const [t, list] of last)
            expected.set(
              t,
              list.map((r) => `${t}|${r.from_at}|${r.to_at ?? null}|${r.line ?? null}|${r.team_id ?? null}`),
            );
        }
        expect(held(table)).toEqual([...expected.values()].flat().sort());
        expect(table.live).toBe(held(table).length);
      }),
      { numRuns: 60 },
    );
  });

  it('squeezes out dropped segments so rewriting a ticket again and again does not grow it', () => {
    const table = new SegmentTable();
    const row = (k: number, i: number): SegmentRow => ({
      ticket_id: String(k),
      from_at: i,
      to_at: null,
      line: 1,
      team_id: 't',
    });
    for (let i = 0; i < 20_000; i++) table.replace([i % 3], [row(i % 3, i), row(i % 3, i + 1)], Number);
    expect(table.size).toBeLessThan(10_000);
    expect(held(table)).toEqual(
      [
        '0|19998|null|1|t',
        '0|19999|null|1|t',
        '1|19999|null|1|t',
        '1|20000|null|1|t',
        '2|19997|null|1|t',
        '2|19998|null|1|t',
      ].sort(),
    );
  });
});
