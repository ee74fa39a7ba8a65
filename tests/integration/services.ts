import { it } from 'vitest';
import { missingServices, missingServicesMessage, servicesRequired, type TestService } from '@/tests/support/services';

/**
 * The named services this file's suites need, or those that are missing. Under CI a missing one adds a
 * failing test naming it, so that the suites skipped for lack of it fail the run.
 */
export function requireServices(...names: TestService[]): TestService[] {
  const missing = missingServices(...names);
  it.runIf(servicesRequired && missing.length > 0)(`has ${names.join(' and ')} to test against`, ({ expect }) => {
    expect.fail(missingServicesMessage(missing));
  });
  return missing;
}
