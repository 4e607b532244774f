import { z } from 'zod';

/** Identifiers are opaque strings chosen by clients (or derived by importers from source ids). */
export const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** An ISO-8601 instant with an explicit offset; normalised to UTC milliseconds on parse. */
export const instant = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO-8601 instant with a time zone, e.g. 2026-03-01T09:30:00Z',
  })
  .transform((s) => new Date(s).toISOString());

export const CHANNELS = ['phone', 'chat', 'email', 'social', 'web', 'other'] as const;
export const channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof channel>;
export const LIVE_CHANNELS: readonly Channel[] = ['phone', 'chat'];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof priority>;

export const line = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Line = z.infer<typeof line>;

export const seconds = z.number().finite().nonnegative();
export const tags = z.array(z.string().trim().min(1).max(100)).max(50);

/** "HH:MM" on a 24-hour clock; "24:00" is allowed as an end. */
export const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00–24:00)');
export const interval = z.tuple([clock, clock]);
export const localDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Moscow');
