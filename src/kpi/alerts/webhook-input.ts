import { z } from 'zod';
import { ALERT_KINDS } from './evaluate.js';

/** A webhook as the API and the CLI take it. */
export const webhookInput = z.strictObject({
  url: z
    .string()
    .url('must be an http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  kinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length).optional(),
  active: z.boolean().optional(),
  description: z.string().max(500).nullable().optional(),
  secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
});

export const webhookPatch = webhookInput.partial();
