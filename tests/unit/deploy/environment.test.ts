import { describe, expect, it, vi } from 'vitest';
import { isPooledConnection, resolveDatabaseTarget } from '@/db/connection.mjs';
import { migrateDatabase } from '@/db/migrate.mjs';
import { checkBuildEnvironment } from '@/lib/deploy/environment.mjs';
import { readOrCreateLocalSecret } from '@/lib/security/local-secret.mjs';

const production = {
  SITE_URL: 'https://blog.example',
  FOLIO_SECRET: 'secret',
  ADMIN_PASSWORD: 'password',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'key',
};

describe('checking the environment of a production build', () => {
  it('warns about each missing production setting by name', () => {
    expect(checkBuildEnvironment(production)).toEqual({ warnings: [], error: undefined });
    const { warnings } = checkBuildEnvironment({ ...production, FOLIO_SECRET: '', ADMIN_PASSWORD: undefined });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^FOLIO_SECRET is not set/);
    expect(warnings[1]).toMatch(/^ADMIN_PASSWORD is not set/);
  });

  it('refuses the embedded SQLite database on Vercel, and accepts PostgreSQL there', () => {
    expect(checkBuildEnvironment({ ...production, VERCEL: '1' }).error).toMatch(/cannot be stored in the embedded SQLite database on Vercel.*DATABASE_URL/);
    expect(checkBuildEnvironment({ ...production, VERCEL: '1', DATABASE_URL: 'file:x.db' }).error).toBeDefined();
    expect(checkBuildEnvironment({ ...production, VERCEL: '1', DATABASE_URL: 'postgres://db.example/blog' }).error).toBeUndefined();
  });

  it('refuses a serverless build without FOLIO_SECRET, which the functions could not share', () => {
    const vercel = { ...production, VERCEL: '1', DATABASE_URL: 'postgres://db.example/blog', FOLIO_SECRET: undefined };
    expect(checkBuildEnvironment(vercel).error).toMatch(/^FOLIO_SECRET must be set on Vercel: .*\.$/);
  });
});

describe('the secret Folio generates when FOLIO_SECRET is not set', () => {
  it('is refused, in one sentence naming FOLIO_SECRET, where it cannot be kept', () => {
    vi.stubEnv('FOLIO_DATA_DIR', '/sys/folio-data');
    try {
      expect(() => readOrCreateLocalSecret()).toThrow(/^FOLIO_SECRET is not set and Folio cannot keep a generated secret in \/sys\/folio-data \(\w+\): set FOLIO_SECRET/);
      vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'blog');
      expect(() => readOrCreateLocalSecret()).toThrow(/^FOLIO_SECRET must be set on AWS Lambda/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the database a running server opens', () => {
  it('is never an embedded SQLite file on a serverless host', () => {
    process.env.VERCEL = '1';
    try {
      expect(() => resolveDatabaseTarget(undefined)).toThrow(/embedded SQLite database on Vercel/);
      expect(resolveDatabaseTarget('postgres://db.example/blog')).toEqual({ engine: 'postgres', url: 'postgres://db.example/blog' });
    } finally {
      delete process.env.VERCEL;
    }
  });

  it('is refused with a clear error where the filesystem cannot be written', async () => {
    await expect(migrateDatabase({ engine: 'sqlite', file: '/sys/folio/comments.sqlite' })).rejects.toThrow(
      /cannot be written at \/sys\/folio\/comments\.sqlite .*set DATABASE_URL to a PostgreSQL database/,
    );
  });
});

describe('pooled PostgreSQL connection strings', () => {
  it('are recognised by the pgbouncer flag, the pooler port or a pooler host name', () => {
    expect(isPooledConnection(new URL('postgres://u@db.example/blog?pgbouncer=true'))).toBe(true);
    expect(isPooledConnection(new URL('postgres://u@aws-0-eu.pooler.supabase.com:6543/postgres'))).toBe(true);
    expect(isPooledConnection(new URL('postgres://u@ep-cool-1-pooler.eu-central-1.aws.neon.tech/blog'))).toBe(true);
    expect(isPooledConnection(new URL('postgres://u@db.example:5432/blog'))).toBe(false);
  });
});
