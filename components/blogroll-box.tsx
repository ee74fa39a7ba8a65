import { IndexLink } from './index-link';
import { getBlogrollArticles } from '@/lib/blogroll/blogroll';
import { BlogrollArticle } from './blogroll-article';
import styles from './blogroll.module.css';

/** The end-of-post box; renders nothing when no followed blog has an article to show. */
export async function BlogrollBox() {
  const blogs = await getBlogrollArticles();
  if (blogs.length === 0) return null;
  return (
    <aside className={styles.box} aria-labelledby="blogroll-heading">
      <h2 id="blogroll-heading" className={styles.heading}>
        Articles from blogs I read
      </h2>
      <ul className={styles.list}>
        {blogs.map((blog) => (
          <li key={blog.feedUrl}>
            <BlogrollArticle article={blog.latest} via={blog.name} />
          </li>
        ))}
      </ul>
      <p className={styles.more}>
        <IndexLink href="/blogroll">All the blogs I read</IndexLink>
      </p>
    </aside>
  );
}
