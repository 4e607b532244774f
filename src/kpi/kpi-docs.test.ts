import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderKpiDocs } from './kpi-docs.js';
import { KPIS } from './registry.js';

describe('docs/kpis.md', () => {
  it('is generated from the registry (run `npm run docs` after changing a definition)', () => {
    expect(readFileSync(new URL('../../docs/kpis.md', import.meta.url), 'utf8')).toBe(renderKpiDocs());
  });
  it('describes every KPI in English and Russian', () => {
    const text = renderKpiDocs();
    for (const k of KPIS) {
      expect(text).toContain(`(\`${k.id}\`)`);
      expect(text).toContain(k.name.ru);
    }
    expect(text).toContain('email: 1 h / 4 h / 12 h');
  });
});
