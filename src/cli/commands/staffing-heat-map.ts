const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday rows × hour columns of the rounded gap (+ over, − short), readable in an 80-column terminal. */
export function gapHeatMap(slots: readonly { weekday: number; hour: number; gap: number }[]): string {
  const cell = (g: number) => {
    const r = Math.round(g);
    return (r > 0 ? `+${r}` : r === 0 ? '·' : String(r)).padStart(3);
  };
  const header = `     ${Array.from({ length: 24 }, (_, h) => String(h).padStart(3)).join('')}`;
  const rows = DAYS.map((day, d) => {
    const cells = Array.from({ length: 24 }, (_, h) => {
      const s = slots.find((x) => x.weekday === d + 1 && x.hour === h);
      return s ? cell(s.gap) : '   ';
    });
    return `${day}  ${cells.join('')}`;
  });
  return [header, ...rows].join('\n');
}
