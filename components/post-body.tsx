import { getMDXComponent } from 'mdx-bundler/client';
import { postComponents } from './mdx';

/** Renders compiled MDX on the server: the browser receives HTML only, no MDX runtime. */
export function PostBody({ code }: { code: string }) {
  // The compiled post is a plain function of its props (no hooks, no state), so calling it
  // directly renders the same tree without declaring a component on every render.
  return getMDXComponent(code)({ components: postComponents });
}
