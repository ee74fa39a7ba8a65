// Plain JavaScript: next.config.mjs, the database connection and the scripts all check the environment.

/**
 * Hosts whose filesystem is read-only or thrown away between requests: an embedded database would lose comments.
 * @type {[variable: string, host: string][]}
 */
const ephemeralHosts = [
  ['VERCEL', 'Vercel'],
  ['NETLIFY', 'Netlify'],
  ['AWS_LAMBDA_FUNCTION_NAME', 'AWS Lambda'],
];

/**
 * The serverless host Folio runs on, if any.
 * @param {Record<string, string | undefined>} env
 */
export function detectEphemeralHost(env = process.env) {
  return ephemeralHosts.find(([variable]) => env[variable])?.[1];
}

/** @param {string} host */
export function embeddedDatabaseRefusal(host) {
  return (
    `Comments cannot be stored in the embedded SQLite database on ${host}: its filesystem is read-only or ` +
    'discarded between requests, so comments would be lost. Set DATABASE_URL to a PostgreSQL database (see docs/deploy.md).'
  );
}

/** @param {string} host */
export function generatedSecretRefusal(host) {
  return (
    `FOLIO_SECRET must be set on ${host}: a secret that Folio generated would differ between instances ` +
    'and builds, so forms and sign-ins would fail (see docs/deploy.md).'
  );
}

/** @type {[name: string, consequence: string][]} */
const productionSettings = [
  ['SITE_URL', 'feeds, canonical links and social images would point to http://localhost:3000'],
  ['FOLIO_SECRET', 'cookies and form tokens would be signed with a secret kept in data/, which a serverless host or a second instance does not share'],
  ['ADMIN_PASSWORD', 'the moderation area /admin stays disabled'],
  ['NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', 'comment forms served by an earlier deployment, or by another build, fail to submit'],
];

/**
 * What a production build should tell the blogger about its environment.
 * @param {Record<string, string | undefined>} env
 * @returns {{ warnings: string[], error?: string }}
 */
export function checkBuildEnvironment(env = process.env) {
  const warnings = productionSettings
    .filter(([name]) => !env[name])
    .map(([name, consequence]) => `${name} is not set: ${consequence}.`);
  const host = detectEphemeralHost(env);
  if (!host) return { warnings };
  const usesEmbeddedDatabase = !env.DATABASE_URL || env.DATABASE_URL.startsWith('file:');
  if (usesEmbeddedDatabase) return { warnings, error: embeddedDatabaseRefusal(host) };
  return { warnings, error: env.FOLIO_SECRET ? undefined : generatedSecretRefusal(host) };
}
