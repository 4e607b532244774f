import type { RatingOutcome } from '../../ingest/ratings/ratings.js';
import { type Lang, RATING_TEXTS } from './rating-texts.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The small page a customer sees after clicking a rating link (no script, no external resources). */
export function ratingPage(
  lang: Lang,
  outcome: RatingOutcome | 'commented',
  options: { score?: number | undefined; commentAction?: string | undefined } = {},
): string {
  const t = RATING_TEXTS[lang];
  const stars = options.score
    ? `<p class="score">${'★'.repeat(options.score)}${'☆'.repeat(5 - options.score)}</p><p>${escapeHtml(t.yourScore(options.score))}</p>`
    : '';
  const form = options.commentAction
    ? `<form method="post" action="${escapeHtml(options.commentAction)}"><label for="c">${escapeHtml(t.commentLabel)}</label><textarea id="c" name="comment" rows="4" maxlength="5000"></textarea><button type="submit">${escapeHtml(t.send)}</button></form>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(t.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}.score{font-size:2rem;color:#e0a100;margin:.5rem 0}textarea{width:100%;box-sizing:border-box;margin:.5rem 0}button{padding:.5rem 1.2rem}</style>
</head><body><main data-outcome="${outcome}"><h1>${escapeHtml(t.heading[outcome])}</h1>${stars}<p>${escapeHtml(t.body[outcome])}</p>${form}</main></body></html>
`;
}
