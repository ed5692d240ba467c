import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component loaded on first render from its own chunk, so a screen's code is fetched only
 * when someone opens it (the first screen stays light on a phone). `load` must be a literal
 * `() => import('./file')` for the bundler to split it; render the result inside <Suspense>.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
