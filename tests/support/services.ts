/**
 * The PostgreSQL and Redis servers that integration and browser tests run against. A developer without
 * them gets suites that skip; under CI=true a skipped suite would test nothing, so it fails instead.
 */
export const testServices = {
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
  TEST_REDIS_URL: process.env.TEST_REDIS_URL,
};

export type TestService = keyof typeof testServices;

export const servicesRequired = Boolean(process.env.CI);

/** The named services this run has no address for. */
export function missingServices(...names: TestService[]): TestService[] {
  return names.filter((name) => !testServices[name]);
}

/** Why a suite that needs these services cannot pass without them. */
export function missingServicesMessage(missing: TestService[]): string {
  return `${missing.join(' and ')} must be set when CI=true: the suite needing it would otherwise skip and test nothing`;
}
