import type { Tier } from '../api/types.js';

// Small inline icons (no icon font, no extra request). Tiers always pair an icon with a word, so the
// tier never depends on colour alone.

const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  focusable: false,
} as const;

export function TierIcon({ tier }: { tier: Tier | 'none' }) {
  switch (tier) {
    case 'excellent':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M8 1.5l1.9 4 4.3.5-3.2 3 .9 4.3L8 11.2l-3.9 2.1.9-4.3-3.2-3 4.3-.5z" fill="currentColor" />
        </svg>
      );
    case 'good':
      return (
        <svg aria-hidden="true" {...common}>
          <path
            d="M3 8.5l3 3 7-7"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'satisfactory':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M3.5 8h9" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      );
    case 'poor':
      return (
        <svg aria-hidden="true" {...common}>
          <path d="M8 2L15 14H1z" fill="currentColor" />
          <path d="M8 6.2v3.6M8 11.6v.4" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" />
        </svg>
      );
    default:
      return (
        <svg aria-hidden="true" {...common}>
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      );
  }
}

export function ArrowIcon({ direction }: { direction: 'up' | 'down' | 'flat' | null }) {
  const d = direction === 'up' ? 'M8 3l5 6H3z' : direction === 'down' ? 'M8 13L3 7h10z' : 'M3 7h10v2H3z';
  return (
    <svg aria-hidden="true" {...common} width={10} height={10}>
      <path d={d} fill="currentColor" />
    </svg>
  );
}

export function ChevronIcon() {
  return (
    <svg aria-hidden="true" {...common} width={12} height={12}>
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export function InfoIcon() {
  return (
    <svg aria-hidden="true" {...common}>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 7.2v4M8 4.6v.3" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg aria-hidden="true" {...common}>
      <path
        d="M8 2v8M4.5 6.8L8 10.3l3.5-3.5M2.5 13.5h11"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#2256d6" />
      <path d="M9 23V9h13v3.2h-9.2v2.6h8v3.1h-8V23z" fill="#fff" />
    </svg>
  );
}
