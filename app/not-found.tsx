import { IndexLink } from '@/components/index-link';

export default function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <IndexLink href="/">Go to the home page</IndexLink> or browse the <IndexLink href="/archive">archive</IndexLink>.
      </p>
    </section>
  );
}
