import autocannon from 'autocannon';
import { quantile } from './stats';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

export interface LoadOptions {
  compressed?: boolean;
  /** Paths each connection asks for in turn, instead of the URL's own. */
  paths?: string[];
}

/** Fixed-concurrency GETs of one URL (or of `paths` on its server) for `seconds`, as a browser asks for it (gzip accepted) unless told otherwise. */
export async function loadTest(url: string, connections: number, seconds: number, { compressed = true, paths }: LoadOptions = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    headers: compressed ? { 'accept-encoding': 'gzip' } : {},
    ...(paths && { requests: paths.map((path) => ({ method: 'GET' as const, path })) }),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    // autocannon reports p97.5 and p99 but no p95: each answer's time is kept to take it.
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p95Ms: quantile(latencies, 0.95),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
