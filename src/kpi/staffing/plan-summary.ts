export interface PlanSummary {
  /** agent-hours on the phones a typical week needs, and those that were worked */
  required_hours_per_week: number;
  staffed_hours_per_week: number;
  /** agent-hours short in the slots that lack agents, and over in the slots that have too many */
  shortfall_hours_per_week: number;
  surplus_hours_per_week: number;
  /** full-time equivalents: to hire (net shortfall), to move (shortfall covered by surplus elsewhere), over */
  hire_fte: number;
  move_fte: number;
  over_fte: number;
  headline: string;
}

const one = (x: number) => Math.round(x * 10) / 10;

/**
 * The gap in people. A full-time agent gives `fteHours × (1 − shrinkage)` hours on the phones a week.
 * Hours short in some slots can be covered by moving shifts out of slots with too many (move); what
 * the surplus cannot cover must be hired; a surplus beyond the shortfall is over-staffing.
 */
export function headcountSummary(
  slots: readonly { required: number; staffed: number }[],
  shrinkage: number,
  fteHours: number,
): PlanSummary {
  let required = 0;
  let staffed = 0;
  let short = 0;
  let over = 0;
  for (const s of slots) {
    required += s.required;
    staffed += s.staffed;
    short += Math.max(0, s.required - s.staffed);
    over += Math.max(0, s.staffed - s.required);
  }
  const productive = fteHours * (1 - shrinkage);
  const hire = one(Math.max(0, short - over) / productive);
  const move = one(Math.min(short, over) / productive);
  const extra = one(Math.max(0, over - short) / productive);
  const parts: string[] = [];
  if (hire > 0) parts.push(`hire ${hire} FTE`);
  if (move > 0) parts.push(`move ${move} FTE from over-staffed hours to short ones`);
  if (extra > 0 && hire === 0) parts.push(`${extra} FTE more than needed`);
  return {
    required_hours_per_week: one(required),
    staffed_hours_per_week: one(staffed),
    shortfall_hours_per_week: one(short),
    surplus_hours_per_week: one(over),
    hire_fte: hire,
    move_fte: move,
    over_fte: extra,
    headline: parts.length > 0 ? parts.join('; ') : 'staffing matches demand',
  };
}
