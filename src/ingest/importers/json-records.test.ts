import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonRecords } from './json-records.js';

async function records(text: string, cuts: number[]) {
  // the text arrives in chunks cut at arbitrary places (inside strings, escapes, between braces)
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks = [0, ...at, text.length].slice(1).map((end, i, ends) => text.slice(i ? ends[i - 1] : 0, end));
  const out: { line: number; value: unknown }[] = [];
  for await (const r of jsonRecords(Readable.from(chunks.filter(Boolean)), 'tickets')) {
    out.push({ line: r.line, value: JSON.parse(r.data) });
  }
  return out;
}

const ticket = fc.record({
  id: fc.nat(),
  subject: fc.string({ unit: 'grapheme' }),
  tags: fc.array(fc.string()),
  nested: fc.jsonValue(),
});

describe('JSON records', () => {
  it('finds the same records, whatever the layout and the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticket, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(0, 2),
        async (tickets, cuts, indent) => {
          const lines = tickets.map((t) => JSON.stringify(t)).join('\n');
          const page = JSON.stringify({ count: tickets.length, tickets, next_page: null }, null, indent);
          const array = JSON.stringify(tickets, null, indent);
          for (const text of [lines, page, array]) {
            // compared through JSON, which writes -0 as 0
            expect((await records(text, cuts)).map((r) => r.value)).toEqual(
              JSON.parse(JSON.stringify(tickets)),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names the line each record starts on', async () => {
    const text = '{"tickets": [\n  {"id": 1},\n\n  {"id": 2,\n "s": "a\\"}{"}\n]}';
    expect((await records(text, [5, 17])).map((r) => r.line)).toEqual([2, 4]);
  });

  it('refuses what is not JSON', async () => {
    await expect(records('{"id": 1}\nid,subject\n', [])).rejects.toThrow(/unexpected "i" outside any object/);
    await expect(records('[{"id": 1}', [])).rejects.toThrow(/ends in the middle/);
    await expect(records('{"id": 1}}', [])).rejects.toThrow(/unbalanced/);
  });
});
