/** Settings of the first line's tools; src/config.ts fills them from the environment. */
export interface FirstLineConfig {
  /** secret a PBX puts in its URL (`?token=` or `/calls/<token>`); null: PBX pushes need an API token */
  telephonyToken: string | null;
  /** ISO 3166 country for numbers written without a country code (`89123456789`) */
  defaultCountry: string;
  /** HMAC key of rating links; null: generated once and kept in the settings table */
  ratingSecret: string | null;
  /** how long a rating link stays valid after the resolution it follows */
  ratingTtlDays: number;
  /** where customers reach the server (rating links are absolute) */
  publicUrl: string;
  /** share of resolved, unrated tickets put on the feedback call-back list (0..1) */
  callbackShare: number;
}

export const DEFAULT_FIRST_LINE: FirstLineConfig = {
  telephonyToken: null,
  defaultCountry: 'RU',
  ratingSecret: null,
  ratingTtlDays: 14,
  publicUrl: 'http://localhost:3000',
  callbackShare: 0.2,
};
