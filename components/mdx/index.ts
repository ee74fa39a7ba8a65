import type { PostComponentName } from '@/lib/content/components-list';
import type { ComponentType } from 'react';
import { Callout } from './callout';
import { Figure } from './figure';

/** The components every post can use; the compiler checks names against `postComponentNames`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each component has its own props
export const postComponents: Record<PostComponentName, ComponentType<any>> = { Figure, Callout };
