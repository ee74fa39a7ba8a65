#!/usr/bin/env node
// `npm run db:migrate`: bring the comments database (DATABASE_URL, or data/folio.sqlite) up to date.
import { resolveDatabaseTarget } from '../db/connection.mjs';
import { migrateDatabase } from '../db/migrate.mjs';

const target = resolveDatabaseTarget();
await migrateDatabase(target);
console.log(`Database up to date (${target.engine === 'sqlite' ? target.file : 'PostgreSQL'}).`);
