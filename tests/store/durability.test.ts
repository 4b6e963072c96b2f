import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/store/sqlite/database';
import { tempDir } from '../support/host';

describe('SQLite durability', () => {
  it('an acknowledged commit survives power loss: WAL with synchronous=FULL', () => {
    const db = openDatabase(path.join(tempDir('durability-'), 'flights.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    } finally {
      db.close();
    }
  });
});
