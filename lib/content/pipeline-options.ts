import { postComponentNames } from './components-list';

/** Everything that changes the compiled output besides the source and the post's address: part of the cache key. */
export const pipelineOptions = {
  revision: 8,
  codeThemes: { light: 'github-light', dark: 'github-dark' },
  components: postComponentNames,
  headingAnchor: { behavior: 'append', className: 'heading-anchor' },
} as const;
