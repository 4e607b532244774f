import type { Kysely, Migration } from 'kysely';

/**
 * Case-folded names of customers and companies, for search. Folded in JavaScript when profiles are
 * projected: SQLite's lower() folds ASCII only, and PostgreSQL's follows the database's locale (a cluster
 * made with the C locale folds no Cyrillic), so neither can be trusted to fold "МАРИЯ" to "мария".
 */
export const customerSearchMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['customers', 'companies']) {
      await db.schema.alterTable(table).addColumn('search_name', 'text').execute();
      const k = db as unknown as Kysely<Record<string, { name: string | null; search_name: string | null }>>;
      const names = await k
        .selectFrom(table)
        .select('name')
        .distinct()
        .where('name', 'is not', null)
        .execute();
      for (const { name } of names)
        await k
          .updateTable(table)
          .set({ search_name: name!.toLowerCase() })
          .where('name', '=', name)
          .execute();
    }
  },
};
