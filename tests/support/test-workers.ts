/**
 * How many test workers to start: `usual`, or half as many when another test run shares the machine
 * (`.ci/run` sets FOLIO_TEST_WORKERS=half for its Node 24 run, beside the Node 20 one).
 */
export function testWorkers(usual: number): number {
  return process.env.FOLIO_TEST_WORKERS === 'half' ? Math.ceil(usual / 2) : usual;
}
