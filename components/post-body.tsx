import { getMDXComponent } from 'mdx-bundler/client';
import { postComponents } from './mdx';

// Evaluating a compiled post (`new Function` over its code) costs more than rendering it; a page,
// its feeds and every regeneration after a comment render the same code again.
const contentByCode = new Map<string, ReturnType<typeof getMDXComponent>>();

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
