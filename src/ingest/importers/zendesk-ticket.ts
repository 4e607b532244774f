import { z } from 'zod';
import type { Channel } from '../../domain/primitives.js';

/** The fields of a Zendesk ticket (with its metric_set) that the import reads; the rest is ignored. */
const when = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant' }).nullish();
const minutes = z
  .strictObject({ calendar: z.number().nonnegative().nullish(), business: z.number().nullish() })
  .partial()
  .passthrough()
  .nullish();
const count = z.number().int().nonnegative().nullish();
const idLike = z.union([z.number().int(), z.string().min(1)]).transform(String);

export const zendeskTicket = z.looseObject({
  id: idLike,
  created_at: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant' }),
  updated_at: when,
  subject: z.string().nullish(),
  status: z.string().nullish(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullish(),
  requester_id: idLike.nullish(),
  assignee_id: idLike.nullish(),
  group_id: idLike.nullish(),
  via: z.looseObject({ channel: z.string().nullish() }).nullish(),
  tags: z.array(z.string()).nullish(),
  satisfaction_rating: z.looseObject({ score: z.string().nullish() }).nullish(),
  metric_set: z.looseObject({
    reopens: count,
    replies: count,
    assignee_stations: count,
    group_stations: count,
    initially_assigned_at: when,
    assigned_at: when,
    solved_at: when,
    status_updated_at: when,
    latest_comment_added_at: when,
    reply_time_in_minutes: minutes,
    reply_time_in_seconds: minutes,
    first_resolution_time_in_minutes: minutes,
    full_resolution_time_in_minutes: minutes,
  }),
});
export type ZendeskTicket = z.output<typeof zendeskTicket>;

const CHANNELS: Record<string, Channel> = {
  voice: 'phone',
  phone: 'phone',
  chat: 'chat',
  native_messaging: 'chat',
  messaging: 'chat',
  email: 'email',
  web: 'web',
  web_form: 'web',
  web_widget: 'web',
  web_service: 'web',
  help_center: 'web',
  mobile: 'web',
  mobile_sdk: 'web',
  twitter: 'social',
  facebook: 'social',
  instagram_dm: 'social',
  whatsapp: 'social',
  telegram: 'social',
  line: 'social',
  wechat: 'social',
  viber: 'social',
  sms: 'social',
};
/** Zendesk's `via.channel` → ours; api, rule, closed_ticket and the like are "other". */
export const zendeskChannel = (channel: string | null | undefined): Channel =>
  CHANNELS[channel ?? ''] ?? 'other';
