import { DAY, HOUR, isHoliday, localDay, localHour, weekdayOf } from './clock.js';
import {
  GROWTH_PER_90_DAYS,
  HOLIDAY_FACTOR,
  hourShare,
  TICKETS_PER_CONTACT,
  WEEKDAY_FACTORS,
} from './model.js';

const WEEK_MEAN = WEEKDAY_FACTORS.reduce((a, b) => a + b, 0) / 7;

/** Expected arrivals: daily and weekly seasonality, holidays, and growth towards the end of the period. */
export class Rates {
  /** contacts on an ordinary weekday at the end of the period */
  private readonly weekday: number;

  constructor(
    private readonly endMs: number,
    ticketsPerDay: number,
  ) {
    this.weekday = ticketsPerDay / TICKETS_PER_CONTACT / WEEK_MEAN;
  }

  /** Growth factor at an instant: 1 at the end, 1/1.15 ninety days earlier. */
  growth(t: number): number {
    return GROWTH_PER_90_DAYS ** ((t - this.endMs) / (90 * DAY));
  }

  dayFactor(day: number): number {
    return isHoliday(day) ? HOLIDAY_FACTOR : WEEKDAY_FACTORS[weekdayOf(day)]!;
  }

  /** Expected contacts per hour at the instant (all channels). */
  perHour(t: number): number {
    return this.weekday * this.dayFactor(localDay(t)) * hourShare(localHour(t)) * this.growth(t);
  }

  /** Expected contacts in [fromMs, toMs), summed hour by hour. */
  between(fromMs: number, toMs: number): number {
    let sum = 0;
    for (let h = fromMs; h < toMs; h += HOUR)
      sum += (this.perHour(h) * (Math.min(h + HOUR, toMs) - h)) / HOUR;
    return sum;
  }
}
