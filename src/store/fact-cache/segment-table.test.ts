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
          // the end index, made and reused across writes and compactions, finds what a scan finds
          const from = (expected.size * 7919) % 1e6;
          const wanted = (s: number) => table.ticket[s]! >= 0 && !((table.to.get(s) ?? Infinity) < from);
          const some = table.endingFrom(from);
          const seen = (some ? [...some] : Array.from({ length: table.size }, (_, s) => s)).filter(wanted);
          const all = Array.from({ length: table.size }, (_, s) => s).filter(wanted);
          expect(seen.sort((a, b) => a - b)).toEqual(all);
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

  it('finds the segments ending from an instant through writes and the compactions that move them', () => {
    const table = new SegmentTable();
    const hour = 3_600_000;
    // ticket k's segment i ends at hour i: each rewrite ends later
    const row = (k: number, i: number): SegmentRow => ({
      ticket_id: String(k),
      from_at: 0,
      to_at: i * hour,
      line: 1,
      team_id: 't',
    });
    const endingFrom = (from: number) => {
      const some = table.endingFrom(from);
      // near the end of the history: picked out through the index, not a scan of all
      expect(some).not.toBeNull();
      const out: string[] = [];
      for (const s of some!) {
        const t = table.ticket[s]!;
        if (t >= 0 && table.to.get(s)! >= from) out.push(`${t}@${table.to.get(s)! / hour}`);
      }
      return out.sort();
    };
    for (let i = 1; i <= 20_000; i++) {
      table.replace([i % 3], [row(i % 3, i)], Number);
      if (i % 997 === 0)
        expect(endingFrom((i - 1) * hour)).toEqual([`${(i - 1) % 3}@${i - 1}`, `${i % 3}@${i}`].sort());
    }
    expect(table.size).toBeLessThan(10_000);
    expect(endingFrom(19_999 * hour)).toEqual(['1@19999', '2@20000']);
  });
});
