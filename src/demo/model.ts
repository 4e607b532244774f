// The numbers that shape the demo service desk, in one place. Sources: the seed articles (FCR band,
// breaks, benchmarks) and what a mid-sized Russian e-commerce support desk typically sees.
import { Weighted } from './rng.js';

export const WRITTEN_CHANNELS = ['email', 'social', 'web'] as const;
export type WrittenChannel = (typeof WRITTEN_CHANNELS)[number];
export type LiveChannel = 'phone' | 'chat';
export type DemoChannel = LiveChannel | WrittenChannel;

/** Share of arriving contacts per channel. */
export const CHANNEL_SHARES: readonly (readonly [DemoChannel, number])[] = [
  ['phone', 0.35],
  ['chat', 0.2],
  ['email', 0.3],
  ['social', 0.05],
  ['web', 0.1],
];
export const CHANNELS = new Weighted(CHANNEL_SHARES);

/** Relative arrivals per local hour: quiet nights, a late-morning peak, a dip at lunch, an afternoon peak. */
export const HOUR_WEIGHTS: readonly number[] = [
  0.6, 0.4, 0.3, 0.25, 0.25, 0.35, 0.7, 1.4, 2.6, 4.4, 5.9, 6.6, 6.2, 5.3, 5.9, 6.4, 6.2, 5.3, 4.3, 3.4, 2.8,
  2.2, 1.6, 1.0,
];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
export const hourShare = (hour: number): number => HOUR_WEIGHTS[hour]! / HOUR_TOTAL;

/** Day volume relative to an ordinary weekday, Monday first; weekends run at ~40 %. */
export const WEEKDAY_FACTORS: readonly number[] = [1.08, 1.02, 1.0, 0.98, 0.92, 0.42, 0.38];
export const HOLIDAY_FACTOR = 0.45;
/** Volume grows 15 % over 90 days (compounded daily). */
export const GROWTH_PER_90_DAYS = 1.15;

/** Default scale: tickets per day (weekly average) at the end of the period. */
export const DEFAULT_TICKETS_PER_DAY = 350;
/** Tickets registered per arriving contact (IVR self-service, abandons and info calls register none). */
export const TICKETS_PER_CONTACT = 0.84;
/** Events per ticket, all told (contacts, agent statuses included; measured), for progress estimates. */
export const EVENTS_PER_TICKET = 13;

export const CATEGORIES = [
  'delivery problem',
  'defective goods',
  'warranty',
  'billing',
  'account access',
  'how-to',
  'bug',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_SHARES: Record<Category, number> = {
  'delivery problem': 0.2,
  'defective goods': 0.12,
  warranty: 0.1,
  billing: 0.14,
  'account access': 0.12,
  'how-to': 0.22,
  bug: 0.1,
};

/** Share of tickets the first line solves itself (overall ~65 %). */
export const L1_SOLVES: Record<Category, number> = {
  'delivery problem': 0.6,
  'defective goods': 0.45,
  warranty: 0.45,
  billing: 0.55,
  'account access': 0.85,
  'how-to': 0.95,
  bug: 0.2,
};

export type TeamId = 'l1' | 'l2-billing' | 'l2-logistics' | 'l3-dev';
export const SPECIALIST_TEAM: Record<Category, Exclude<TeamId, 'l1'>> = {
  'delivery problem': 'l2-logistics',
  'defective goods': 'l2-logistics',
  warranty: 'l2-logistics',
  billing: 'l2-billing',
  'account access': 'l2-billing',
  'how-to': 'l2-billing',
  bug: 'l3-dev',
};

/**
 * The injected product defect: on the spike day 'defective goods' complaints double (on top of the usual
 * volume), and the first line escalates most of them — about 4× the category's usual escalations.
 */
export const SPIKE_COMPLAINTS = 2;
export const SPIKE_VOLUME = 1 + (SPIKE_COMPLAINTS - 1) * 0.12;

/** Categories a first-line operator plausibly confuses (a wrong pick is reclassified later). */
export const CONFUSED_WITH: Record<Category, Category> = {
  'delivery problem': 'defective goods',
  'defective goods': 'warranty',
  warranty: 'defective goods',
  billing: 'account access',
  'account access': 'bug',
  'how-to': 'bug',
  bug: 'how-to',
};

export const PRIORITIES = new Weighted([
  ['low', 0.1],
  ['normal', 0.76],
  ['high', 0.11],
  ['urgent', 0.03],
] as const);

export const TAGS: Record<Category, readonly string[]> = {
  'delivery problem': ['delivery', 'courier', 'pickup-point', 'late'],
  'defective goods': ['defect', 'return', 'exchange'],
  warranty: ['warranty', 'service-centre', 'repair'],
  billing: ['payment', 'refund', 'invoice', 'double-charge'],
  'account access': ['login', 'password', 'two-factor'],
  'how-to': ['faq', 'order-status', 'promo-code'],
  bug: ['website', 'mobile-app', 'checkout'],
};

export const SUBJECTS: Record<Category, readonly string[]> = {
  'delivery problem': [
    'Заказ №{n} не доставлен в срок',
    'Курьер не приехал, заказ №{n}',
    'Заказ №{n} потерялся в пункте выдачи',
    'Привезли не тот заказ (№{n})',
  ],
  'defective goods': [
    'Товар из заказа №{n} пришёл с браком',
    'Не включается после распаковки, заказ №{n}',
    'Царапины и скол на корпусе, заказ №{n}',
  ],
  warranty: [
    'Гарантийный ремонт по заказу №{n}',
    'Сломалось через месяц, заказ №{n}',
    'Где гарантийный талон?',
  ],
  billing: [
    'Двойное списание за заказ №{n}',
    'Не пришёл возврат денег по заказу №{n}',
    'Нужен счёт для юрлица, заказ №{n}',
  ],
  'account access': ['Не могу войти в личный кабинет', 'Не приходит SMS с кодом', 'Сбросить пароль'],
  'how-to': ['Как применить промокод?', 'Как отследить заказ №{n}?', 'Как изменить адрес доставки?'],
  bug: ['Ошибка при оплате картой', 'Приложение вылетает при оформлении', 'Корзина очищается сама'],
};

/** Why the first line hands a ticket on. */
export const ESCALATION_REASONS: readonly string[] = [
  'needs a specialist',
  'out of first-line authority',
  'customer asked for a supervisor',
  'requires a refund decision',
  'needs a code fix',
];
