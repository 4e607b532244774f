/**
 * How a customer identifier (phone, e-mail, handle) is stored and matched: trimmed, lower case, and a phone
 * number written internationally (`+7 (912) 345-67-89`) reduced to its E.164 digits (`+79123456789`), which
 * needs no country. National forms (`8 912 …`) need the configured country: the ingest side turns them
 * into E.164 before they are stored.
 */
export function identifierKey(raw: string): string {
  const s = raw.trim().toLowerCase();
  return /^\+[\d\s().-]+$/.test(s) ? `+${s.replace(/\D/g, '')}` : s;
}
