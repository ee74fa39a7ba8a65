import type { Blog } from '@/lib/blogroll/blog';
import { BlogrollArticle } from './blogroll-article';
import styles from './blogroll.module.css';

/** Every followed blog with its newest article, for the /blogroll page. */
export function BlogrollList({ blogs }: { blogs: Blog[] }) {
  return (
    <ul className={styles.list}>
      {blogs.map((blog) => (
        <li key={blog.feedUrl} className={styles.blog}>
          <h2 className={styles.blogName}>{blog.homepage ? <a href={blog.homepage}>{blog.name}</a> : blog.name}</h2>
          <p className={styles.meta}>
            <a href={blog.feedUrl}>Feed</a>
          </p>
          {blog.latest ? (
            <BlogrollArticle article={blog.latest} />
          ) : (
            <p className={styles.summary}>No article to show: the feed could not be read when this site was built.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
