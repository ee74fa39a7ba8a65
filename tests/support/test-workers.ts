/**
 * How many test workers to start: `usual`, or half as many when another test run shares the machine
 * (`.ci/run` tests two Node.js versions side by side and sets FOLIO_TEST_WORKERS=half).
 */
export function testWorkers(usual: number): number {
  return process.env.FOLIO_TEST_WORKERS === 'half' ? Math.ceil(usual / 2) : usual;
}
