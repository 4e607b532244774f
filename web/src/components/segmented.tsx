import type { ReactNode } from 'react';

interface Props<T extends string | null> {
  /** what the choice is about, for screen readers */
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  render: (value: T) => ReactNode;
  small?: boolean;
  className?: string;
  testId?: (value: T) => string;
}

/** A row of toggle buttons, one pressed: period presets, language, chart views. */
export function Segmented<T extends string | null>(props: Props<T>) {
  const { label, options, value, onChange, render, small, className, testId } = props;
  return (
    <fieldset className={`segmented${small ? ' segmented-sm' : ''}${className ? ` ${className}` : ''}`}>
      <legend className="visually-hidden">{label}</legend>
      {options.map((o) => (
        <button
          key={o ?? ''}
          type="button"
          className="seg"
          aria-pressed={o === value}
          data-testid={testId?.(o)}
          onClick={() => onChange(o)}
        >
          {render(o)}
        </button>
      ))}
    </fieldset>
  );
}
