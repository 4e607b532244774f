import type { RatingOutcome } from '../../ingest/ratings/ratings.js';

export type Lang = 'en' | 'ru';

export interface RatingTexts {
  title: string;
  heading: Record<RatingOutcome | 'commented', string>;
  body: Record<RatingOutcome | 'commented', string>;
  yourScore: (score: number) => string;
  commentLabel: string;
  send: string;
}

const en: RatingTexts = {
  title: 'Your rating',
  heading: {
    recorded: 'Thank you for your rating',
    commented: 'Thank you for your comment',
    replayed: 'This rating was already given',
    expired: 'This link has expired',
    invalid: 'This link is not valid',
    stale: 'This link is out of date',
  },
  body: {
    recorded: 'It helps us serve you better.',
    commented: 'We have passed it on to the team.',
    replayed: 'Each request can be rated once; your first rating stands.',
    expired: 'Rating links are valid for a limited time. Nothing was recorded.',
    invalid: 'The link is damaged or was changed. Nothing was recorded.',
    stale: 'Your request was reopened or solved again since this link was sent. Nothing was recorded.',
  },
  yourScore: (s) => `Your score: ${s} of 5`,
  commentLabel: 'Anything you would like to add?',
  send: 'Send',
};

const ru: RatingTexts = {
  title: 'Ваша оценка',
  heading: {
    recorded: 'Спасибо за оценку',
    commented: 'Спасибо за комментарий',
    replayed: 'Эта оценка уже получена',
    expired: 'Срок действия ссылки истёк',
    invalid: 'Ссылка недействительна',
    stale: 'Ссылка устарела',
  },
  body: {
    recorded: 'Она помогает нам работать лучше.',
    commented: 'Мы передали его команде.',
    replayed: 'Каждую заявку можно оценить один раз; засчитана ваша первая оценка.',
    expired: 'Ссылки для оценки действуют ограниченное время. Ничего не записано.',
    invalid: 'Ссылка повреждена или изменена. Ничего не записано.',
    stale: 'После отправки ссылки заявку открыли заново или решили ещё раз. Ничего не записано.',
  },
  yourScore: (s) => `Ваша оценка: ${s} из 5`,
  commentLabel: 'Хотите что-нибудь добавить?',
  send: 'Отправить',
};

export const RATING_TEXTS: Record<Lang, RatingTexts> = { en, ru };

/** The customer's language from Accept-Language: the first of English and Russian by preference, English by default. */
export function languageOf(header: string | undefined): Lang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && (x.lang === 'en' || x.lang === 'ru'))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as Lang | undefined) ?? 'en';
}
