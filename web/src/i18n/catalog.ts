/** A message catalog: nested keys, strings at the leaves (plural forms as key_one, key_few, …). */
export interface Catalog {
  [key: string]: string | Catalog;
}
