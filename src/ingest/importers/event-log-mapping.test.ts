import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventLogMappingJsonSchema, loadEventLogMapping } from './event-log-mapping.js';
import { lineOfGroup, ruleMatcher } from './event-log-rules.js';
import { exampleMapping, fixture } from './import-test-helpers.js';
import { timestampReader } from './timestamps.js';

describe('event-log mapping', () => {
  it('the shipped JSON Schema is the one the mapping schema gives (regenerate it when this fails)', () => {
    const shipped = JSON.parse(readFileSync(exampleMapping('event-log.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(eventLogMappingJsonSchema());
  });

  it('the shipped mappings and the fixture read', async () => {
    for (const file of [
      exampleMapping('helpdesk.json'),
      exampleMapping('bpi-2013-incidents.json'),
      fixture('desk-mapping.json'),
    ]) {
      await expect(loadEventLogMapping(file)).resolves.toMatchObject({ activities: expect.any(Array) });
    }
  });

  it('the first rule matching the activity and its status decides; regexes map groups to lines', async () => {
    const m = await loadEventLogMapping(exampleMapping('bpi-2013-incidents.json'));
    const rule = ruleMatcher(m.activities);
    expect(rule('Accepted', 'In Progress')?.event).toBe('ticket.assigned');
    expect(rule('Accepted', 'Wait - User')).toMatchObject({ event: 'ticket.replied', kind: 'clarification' });
    expect(rule('Accepted', 'Wait - Vendor')?.event).toBe('ticket.note');
    expect(rule('Completed', 'In Call')?.event).toBe('ticket.resolved');
    expect(rule('Unmatched', 'Unmatched')?.event).toBe('ignore');
    expect(rule('Accepted', 'Teleported')).toBeUndefined();
    const line = lineOfGroup(m.lines);
    expect(['V30', 'G97 2nd', 'L66 3rd', 'V13 2nd 3rd', 'G2ndx'].map(line)).toEqual([1, 2, 3, 2, 1]);
    expect(lineOfGroup(undefined)('Apps 2nd')).toBeUndefined();
  });

  it('reads ISO timestamps with or without offset, epoch seconds and Luxon formats', () => {
    const iso = timestampReader('iso', 'Europe/Rome');
    expect(iso('2010-01-13 08:40:25+02:00')).toBe(Date.parse('2010-01-13T06:40:25Z'));
    expect(iso('2010-07-13T08:40:25')).toBe(Date.parse('2010-07-13T06:40:25Z')); // Rome in summer: +02:00
    expect(iso('2010-01-13T08:40:25.5Z')).toBe(Date.parse('2010-01-13T08:40:25.500Z'));
    expect(iso('2024-02-30T10:00:00Z')).toBeNull();
    expect(iso('13/01/2010')).toBeNull();
    expect(timestampReader('epoch_s', 'UTC')('1262304000')).toBe(Date.parse('2010-01-01T00:00:00Z'));
    expect(timestampReader('dd/MM/yyyy HH:mm', 'Europe/Moscow')('02/03/2026 12:00')).toBe(
      Date.parse('2026-03-02T09:00:00Z'),
    );
  });
});
