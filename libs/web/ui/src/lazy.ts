import { createElement, lazy, useState, type ComponentProps, type ComponentType } from 'react';
import { areaStringsReady } from '@second-look/web-i18n';

/** A component loaded from its own chunk, which can also be fetched ahead of its first render. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LazyNamed<C extends ComponentType<any>> = ComponentType<ComponentProps<C>> & { preload: () => Promise<unknown> };

/**
 * A component loaded on first render from its own chunk, so a screen's code is fetched only
 * when someone opens it (the first screen stays light on a phone). `load` must be a literal
 * `() => import('./file')` for the bundler to split it; render the result inside <Suspense>.
 * `preload()` fetches the chunk now (e.g. once the top of a page is drawn) without rendering it.
 * Either way the chunk's words in the language on screen are here before it renders: its modules
 * register their groups as they load (addAreaStrings), and a Spanish group's own chunk is awaited.
 *
 * Once the chunk is here, a new instance renders the component itself and never suspends:
 * React.lazy suspends at least once even for a module already loaded, and a Suspense retry waits
 * behind every other update, so a screen that keeps updating (a query retried while offline)
 * could hold a preloaded part on its loader for ever. Each instance keeps the form it mounted
 * with: switching would rebuild it and lose what is being typed.
 * Call lazyNamed once, at module level: a new one made during a render suspends for ever.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyNamed<M[K]> {
  let loaded: M[K] | null = null;
  const preload = () =>
    load().then(async (module) => {
      await areaStringsReady();
      loaded = module[name];
      return module;
    });
  const Lazy = lazy(() => preload().then((module) => ({ default: module[name] })));
  function Named(props: ComponentProps<M[K]>) {
    const [Component] = useState(() => (loaded ?? Lazy) as ComponentType<ComponentProps<M[K]>>);
    return createElement(Component, props);
  }
  Named.displayName = name;
  return Object.assign(Named, { preload });
}
