import { Fragment } from 'react';
import type { HighlightedText as Runs } from '@/lib/search/highlight';

/** Text with its matched words in `<mark>`: React escapes every run, whatever the post or query held. */
export function HighlightedText({ runs }: { runs: Runs }) {
  return runs.map((run, index) => <Fragment key={index}>{run.marked ? <mark>{run.text}</mark> : run.text}</Fragment>);
}
