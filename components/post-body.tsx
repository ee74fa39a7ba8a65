import { LRUCache } from 'lru-cache';
import { getMDXComponent } from 'mdx-bundler/client';
import { postComponents } from './mdx';

// Evaluating a compiled post (`new Function` over its code) costs more than rendering it; a page,
// its feeds and every regeneration after a comment render the same code again. Bounded: each
// evaluated post keeps its source and bytecode alive.
const contentByCode = new LRUCache<string, ReturnType<typeof getMDXComponent>>({ max: 64 });

function contentFor(code: string) {
  let content = contentByCode.get(code);
  if (!content) {
    content = getMDXComponent(code);
    contentByCode.set(code, content);
  }
  return content;
}

/** Renders compiled MDX on the server: the browser receives HTML only, no MDX runtime. */
export function PostBody({ code }: { code: string }) {
  // The compiled post is a plain function of its props (no hooks, no state), so calling it
  // directly renders the same tree without declaring a component on every render.
  return contentFor(code)({ components: postComponents });
}
