/** A text in both languages of the product. */
export type Text = { en: string; ru: string };

export const t = (en: string, ru: string): Text => ({ en, ru });
