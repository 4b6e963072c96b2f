import type { Airline } from '../../domain/data/airlines';
import type { ReferenceRepository } from '../store';
import { param, type Db } from './database';

const field = (name: string) => `JSON_VALUE(j.value, '$.${name}')`;
const airportFields = ['name_zh', 'name_en', 'city_zh', 'city_en', 'country', 'tz'];
const airlineFields = ['name_zh', 'name_en'];

/** Set-based upsert of a JSON array of rows keyed by `code`: insert the missing ones (race-safe), update all. */
function upsert(table: string, fields: string[]) {
  return {
    insertMissing: `INSERT INTO ${table} (code, ${fields.join(', ')})
      SELECT ${field('code')}, ${fields.map(field).join(', ')} FROM OPENJSON(@rows) j
      WHERE NOT EXISTS (SELECT 1 FROM ${table} t WITH (UPDLOCK, HOLDLOCK) WHERE t.code = ${field('code')})`,
    updateAll: `UPDATE t SET ${fields.map((f) => `${f} = ${field(f)}`).join(', ')}
      FROM ${table} t JOIN OPENJSON(@rows) j ON t.code = ${field('code')}`,
  };
}

export const sql = {
  airports: upsert('airports', airportFields),
  airlines: upsert('airlines', airlineFields),
  listAirlines: 'SELECT code, name_zh, name_en FROM airlines ORDER BY code',
} as const;

export function mssqlReference(db: Db): ReferenceRepository {
  async function write(statements: { insertMissing: string; updateAll: string }, rows: unknown[]) {
    await db.transaction(async (tx) => {
      await tx.query(statements.insertMissing, { rows: param.json(rows) });
      await tx.query(statements.updateAll, { rows: param.json(rows) });
    });
  }
  return {
    async upsertAirports(airports) {
      await write(sql.airports, airports.map(({ aliases: _aliases, ...airport }) => airport));
    },
    async upsertAirlines(airlines) {
      await write(sql.airlines, [...airlines]);
    },
    async airlines() {
      return (await db.read<Airline>(sql.listAirlines)).rows;
    },
  };
}
