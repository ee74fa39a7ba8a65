import { compileForSearch, searchQueries, timeSearches } from './measure-search';
import { buildSearchIndex, openBuiltIndex } from '../lib/search/search-index';
import { quantile } from './stats';
const n = Number(process.argv[2] ?? 1000);
const posts = await compileForSearch(`bench/tmp/search-content-${n}/posts`, 'bench/tmp/cache-search');
const index = await openBuiltIndex(buildSearchIndex(posts));
const queries = searchQueries(posts);
const kinds = ['word', 'title2', 'prefix', 'typo', 'phrase', 'tag', 'title'];
for (let k = 0; k < 7; k++) {
  const qs = queries.filter((_, at) => at % 7 === k);
  const t = timeSearches(index, qs, 20);
  console.log(kinds[k]!.padEnd(8), 'p50', quantile(t, 0.5).toFixed(2), 'p95', quantile(t, 0.95).toFixed(2), 'max', Math.max(...t).toFixed(1), JSON.stringify(qs.slice(0, 3)));
}
