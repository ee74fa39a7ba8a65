#!/usr/bin/env node
// `npm run db:migrate`: bring the comments database (DATABASE_URL, or data/folio.sqlite) up to date.
// `npm run build` runs it with --if-configured: only when DATABASE_URL names a database.
import { resolveDatabaseTarget } from '../db/connection.mjs';
import { migrateDatabase } from '../db/migrate.mjs';

if (process.argv.includes('--if-configured') && !process.env.DATABASE_URL) process.exit(0);
const target = resolveDatabaseTarget();
await migrateDatabase(target);
console.log(`Database up to date (${target.engine === 'sqlite' ? target.file : 'PostgreSQL'}).`);
