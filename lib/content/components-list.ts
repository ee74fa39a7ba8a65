/**
 * Components a post may use without importing them. Kept apart from the React
 * implementations so the compiler can check names without loading React.
 */
export const postComponentNames = ['Figure', 'Callout'] as const;
export type PostComponentName = (typeof postComponentNames)[number];
