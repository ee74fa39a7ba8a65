import type { Article } from '@/lib/blogroll/blog';
import { formatPostDate } from '@/lib/content/dates';
import styles from './blogroll.module.css';

/** Another blog's article: its title as a link, a plain-text summary, then "via <blog>, <date>". */
export function BlogrollArticle({ article, via }: { article: Article; via?: string }) {
  const date = article.published ? (
    <time dateTime={article.published}>{formatPostDate(article.published.slice(0, 10))}</time>
  ) : null;
  return (
    <article className={styles.article}>
      <h3 className={styles.title}>
        <a href={article.url}>{article.title}</a>
      </h3>
      {article.summary ? <p className={styles.summary}>{article.summary}</p> : null}
      <p className={styles.meta}>
        {via ? (
          <>
            via {via}
            {date ? <>, {date}</> : null}
          </>
        ) : (
          date
        )}
      </p>
    </article>
  );
}
