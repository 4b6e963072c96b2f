import type { ReferenceRepository } from '../store';
import type { Airline } from '../../domain/data/airlines';
import { statementCache, type Db } from './database';

export function sqliteReference(db: Db): ReferenceRepository {
  const statement = statementCache(db);
  return {
    async upsertAirports(airports) {
      const upsert = statement(
        `INSERT INTO airports (code, name_zh, name_en, city_zh, city_en, country, tz)
         VALUES (@code, @name_zh, @name_en, @city_zh, @city_en, @country, @tz)
         ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, city_zh = excluded.city_zh,
           city_en = excluded.city_en, country = excluded.country, tz = excluded.tz`,
      );
      db.transaction(() => airports.forEach(({ aliases: _aliases, ...airport }) => upsert.run(airport)))();
    },
    async upsertAirlines(airlines) {
      const upsert = statement(
        `INSERT INTO airlines (code, name_zh, name_en) VALUES (@code, @name_zh, @name_en)
         ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en`,
      );
      db.transaction(() => airlines.forEach((airline) => upsert.run(airline)))();
    },
    async airlines() {
      return statement('SELECT code, name_zh, name_en FROM airlines ORDER BY code').all() as Airline[];
    },
  };
}
