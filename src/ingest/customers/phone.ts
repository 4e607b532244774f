import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164 (`+79123456789`), or null when the text is no phone number (`anonymous`,
 * an internal extension). Numbers without a country code are read in the default country; PBXs often
 * send international numbers without the plus (`493055571600`), so digits that do not make a valid
 * national number are tried once more as international.
 */
export function normalisePhone(raw: string, defaultCountry: string): string | null {
  const text = raw.trim();
  if (!/\d/.test(text)) return null;
  const country = isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const national = parsePhoneNumberFromString(text, country);
  if (national?.isValid()) return national.number;
  const digits = text.replace(/[^\d]/g, '');
  if (!text.startsWith('+') && digits.length >= 8) {
    const international = parsePhoneNumberFromString(`+${digits}`);
    if (international?.isValid()) return international.number;
  }
  if (national?.isPossible()) return national.number;
  return null;
}

/**
 * The key a number is stored and looked up by: E.164 when it is a phone number, else the text itself
 * (lower case, as customer identifiers are kept), so an extension such as `42` still finds its owner.
 */
export function phoneKey(raw: string, defaultCountry: string): string {
  return normalisePhone(raw, defaultCountry) ?? raw.trim().toLowerCase();
}

export function assertCountry(code: string): void {
  if (!isSupportedCountry(code))
    throw new Error(
      `FIRSTLINE_DEFAULT_COUNTRY must be an ISO 3166 country code such as RU or DE, got ${code}`,
    );
}
