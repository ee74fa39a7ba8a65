import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Fixed-concurrency GETs of one URL for `seconds`, as a browser asks for it (gzip accepted) unless told otherwise. */
export async function loadTest(url: string, connections: number, seconds: number, { compressed = true } = {}): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds, headers: compressed ? { 'accept-encoding': 'gzip' } : {} });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
