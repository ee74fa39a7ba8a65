import { defineConfig } from '@playwright/test';
import { distDirectory } from './lib/deploy/paths.mjs';
import { adminPassword } from './tests/e2e/support/admin';
import { testWorkers } from './tests/support/test-workers';

const port = Number(process.env.E2E_PORT ?? 3210);
const e2eDatabase = `tests/output/e2e-comments-${port}.sqlite`;
const e2eDistDir = `.next-e2e-${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/output/playwright',
  fullyParallel: true,
  workers: testWorkers(2),
  retries: 0,
  // Speed is measured by `npm run bench`, not here: on a busy CI machine a page that regenerates or a
  // form that posts may take longer than Playwright's defaults, and waiting longer only costs time
  // when a test is failing anyway.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // No test may reach the internet: any other host name fails to resolve, whatever a page asks for.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  webServer: {
    // Comments go to a throwaway SQLite file, created fresh for each run, and the server runs on a copy of
    // the build (FOLIO_DIST_DIR names it, as for `npm run build`). FOLIO_SECRET stays unset so that the server shares the build's data/folio-secret,
    // which signed the forms in the prerendered pages.
    command: `node tests/support/copy-build.mjs ${distDirectory()} ${e2eDistDir} && rm -f ${e2eDatabase}* && node scripts/migrate.mjs && node_modules/.bin/next start --port ${port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: `file:${e2eDatabase}`,
      FOLIO_DIST_DIR: e2eDistDir,
      ADMIN_PASSWORD: adminPassword,
      // The minimum time before submitting is tested in tests/integration; here it would only slow the tests down.
      FOLIO_COMMENT_MIN_SECONDS: '0',
      // The tests play a proxy in front of Folio: each sends its own X-Forwarded-For address.
      FOLIO_TRUSTED_PROXIES: '1',
    },
  },
});
