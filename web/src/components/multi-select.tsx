import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Dimension } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ChevronIcon } from './icons.js';
import { FIXED_VALUES, valueLabel } from './labels.js';

interface Props {
  dim: Dimension;
  selected: readonly string[];
  period: { from: string; to: string };
  onChange: (values: string[]) => void;
}

// Values of the free dimensions (categories, tags, teams, agents, companies) are the ones that occur in
// the period: asked for when the list is first opened, not before.
async function valuesOf(dim: Dimension, period: { from: string; to: string }): Promise<string[]> {
  const params = new URLSearchParams({
    ...period,
    by: dim,
    kpis: 'tickets_created,contacts_offered,break_compliance',
  });
  const report = await api.kpis(params);
  const keys = new Set<string>();
  for (const k of Object.values(report.kpis)) for (const g of k?.groups ?? []) keys.add(g.key);
  keys.delete('(none)');
  return [...keys].sort((a, b) => a.localeCompare(b));
}

export function MultiSelect({ dim, selected, period, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<string[] | null>(FIXED_VALUES[dim] ? [...FIXED_VALUES[dim]] : null);
  const [search, setSearch] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const { from, to } = period;

  useEffect(() => {
    if (!open || FIXED_VALUES[dim]) return;
    let live = true;
    valuesOf(dim, { from, to }).then(
      (v) => live && setOptions(v),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
    };
  }, [open, dim, from, to]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    // Escape closes the list and gives the focus back to its button
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !root.current?.contains(document.activeElement)) return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const all = [...new Set([...(options ?? []), ...selected])];
  const shown = all.filter((v) => valueLabel(t, dim, v).toLowerCase().includes(search.toLowerCase()));
  const toggle = (v: string) =>
    onChange(selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]);
  const summary =
    selected.length === 0
      ? null
      : selected.length === 1
        ? valueLabel(t, dim, selected[0]!)
        : String(selected.length);

  return (
    <div className="ms" ref={root}>
      <button
        ref={button}
        type="button"
        className={`ms-button${selected.length ? ' ms-active' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        data-testid={`filter-${dim}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span>{t(`dim.${dim}`)}</span>
        {summary && <span className="ms-summary">{summary}</span>}
        <ChevronIcon />
      </button>
      {open && (
        <fieldset className="ms-pop" id={listId}>
          <legend className="visually-hidden">{t(`dim.${dim}`)}</legend>
          {all.length > 8 && (
            <input
              className="ms-search"
              type="search"
              placeholder={t('filters.search')}
              aria-label={t('filters.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
          {options === null && <p className="ms-note">{t('filters.loading')}</p>}
          {options !== null && all.length === 0 && <p className="ms-note">{t('filters.none')}</p>}
          <ul className="ms-list">
            {shown.map((v) => (
              <li key={v}>
                <label className="ms-option">
                  <input type="checkbox" checked={selected.includes(v)} onChange={() => toggle(v)} />
                  <span>{valueLabel(t, dim, v)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
