import { compileForSearch, searchQueries, timeSearches } from './measure-search';
import { buildSearchIndex, openBuiltIndex } from '../lib/search/search-index';
import { quantile } from './stats';
for (const n of [1000, 5000]) {
  const posts = await compileForSearch(`bench/tmp/search-content-${n}/posts`, 'bench/tmp/cache-search');
  const index = await openBuiltIndex(buildSearchIndex(posts));
  const t = timeSearches(index, searchQueries(posts), 30);
  console.log(n, 'p50', quantile(t, 0.5).toFixed(2), 'p95', quantile(t, 0.95).toFixed(2));
}
