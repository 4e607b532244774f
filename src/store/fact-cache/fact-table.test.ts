import { describe, expect, it } from 'vitest';
import type { NumberColumn } from './column.js';
import { FactTable } from './fact-table.js';

describe('fact table capacity', () => {
  it('holds a reserved count in one allocation and grows past it by a quarter, keeping every value', () => {
    const table = new FactTable({ ticket_id: 'text', created_at: 'instant' }, 'ticket_id');
    table.addColumns(['created_at']);
    table.reserve(100_000);
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ticket_id: `t-${i}`, created_at: i * 1000 }));
    table.write(rows, ['created_at'], true);
    const column = () => table.column('created_at') as NumberColumn;
    expect(column().values.length).toBe(100_000);
    table.write([{ ticket_id: 't-new', created_at: 7 }], ['created_at']);
    // a doubling would have made it 200,000
    expect(column().values.length).toBe(125_000);
    expect(column().get(table.rowFor('t-99999'))).toBe(99_999_000);
    expect(column().get(table.rowFor('t-new'))).toBe(7);
    expect(table.size).toBe(100_001);
  });
});
