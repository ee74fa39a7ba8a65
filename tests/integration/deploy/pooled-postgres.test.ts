import { expect, it } from 'vitest';
import { openPostgres } from '@/db/connection.mjs';
import { testServices } from '@/tests/support/services';
import { requireServices } from '../services';

const missing = requireServices('TEST_DATABASE_URL');

it.skipIf(missing.length > 0)('connects through a pooled connection string without passing the pgbouncer flag to the server', async () => {
  const url = new URL(testServices.TEST_DATABASE_URL!);
  url.searchParams.set('pgbouncer', 'true');
  const sql = openPostgres(url.toString());
  try {
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
  } finally {
    await sql.end();
  }
});
