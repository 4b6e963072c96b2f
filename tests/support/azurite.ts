import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { type Azurite, startAzurite } from '../../host/azurite';

/** An in-memory Azurite on a free port for the whole test file. */
export function useAzurite(): { readonly connectionString: string } {
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  afterAll(async () => {
    await azurite?.stop();
  });
  return {
    get connectionString() {
      if (!azurite) throw new Error('Azurite has not started yet');
      return azurite.connectionString;
    },
  };
}

/** A task hub name no other test uses, so tests sharing one Azurite never see each other's rows. */
export function uniqueHub(prefix = 'T'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}
