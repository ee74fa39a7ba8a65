/** The text with a suffix no other test, nor an earlier run against the same database, has written: a test finds its own comment by it. */
export const unique = (text: string) => `${text} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
