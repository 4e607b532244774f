/** A tiny line chart in plain SVG: the overview stays free of the chart library. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const W = 240;
  const H = 40;
  const pad = 3;
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2 || known.length === 0)
    return <div className="sparkline sparkline-empty" aria-hidden="true" />;
  let min = Math.min(...known);
  let max = Math.max(...known);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const x = (i: number) => (i / (values.length - 1)) * W;
  const y = (v: number) => pad + (1 - (v - min) / (max - min)) * (H - 2 * pad);
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = values.findLastIndex((v) => v !== null && Number.isFinite(v));
  const last = values[lastIndex];
  const area =
    segments.length === 1 && known.length === values.length ? `${segments[0]}L${W},${H}L0,${H}Z` : null;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {area && <path className="sparkline-area" d={area} />}
      {segments.map((d) => (
        <path key={d} className="sparkline-line" d={d} vectorEffect="non-scaling-stroke" />
      ))}
      {last !== null && last !== undefined && (
        // a zero-length round-capped stroke: stays a circle however the SVG is stretched
        <path
          className="sparkline-dot"
          d={`M${x(lastIndex)},${y(last)}l0,0`}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
