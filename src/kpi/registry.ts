import { QUALITY_KPIS } from './definitions-quality.js';
import { SPEED_KPIS } from './definitions-speed.js';
import type { Family } from './family.js';
import type { Text } from './kpi-text.js';
import type { KpiId } from './types.js';

export type { Text } from './kpi-text.js';
export type KpiGroup = 'speed_volume' | 'quality' | 'satisfaction' | 'contact_centre' | 'team';

export interface KpiDefinition {
  id: KpiId;
  number: number;
  kind: 'count' | 'rate' | 'duration';
  unit: 'contacts' | 'tickets' | 'seconds' | 'share' | 'stretches';
  group: KpiGroup;
  name: Text;
  definition: Text;
  formula: Text;
  reference: Text;
  /** fact columns it reads */
  facts: readonly string[];
  /** SPEC §5: no speed figure without its quality counterpart */
  counterparts: readonly KpiId[];
  /** which way is better, for trends; null when neither is */
  better: 'higher' | 'lower' | null;
  family: Family;
}

export const KPIS: readonly KpiDefinition[] = [...SPEED_KPIS, ...QUALITY_KPIS];

export const KPI_BY_ID: ReadonlyMap<KpiId, KpiDefinition> = new Map(KPIS.map((k) => [k.id, k]));
