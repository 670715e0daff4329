/**
 * A view whose code is its own chunk (React.lazy) but that renders at once, without suspending,
 * once its chunk is loaded (`preload()`). React reveals a suspended view no sooner than 300 ms
 * after its fallback appeared (its reveal throttle): the panel's first view, whose chunk the entry
 * point loads before the first render, would otherwise show its first row that much later.
 */
import { lazy, useState, type ComponentType } from 'react';

export interface LazyView<P> {
  View: ComponentType<P>;
  /** Loads the chunk (once); the View rendered after it has resolved does not suspend. */
  preload: () => Promise<unknown>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null; // a chunk that failed to load is asked for again next time
        throw e;
      },
    ));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function View(props: P) {
    // Chosen once: a view that suspended stays on its lazy wrapper (which no longer suspends),
    // as switching the component type would remount it and lose what the seller typed.
    const [C] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <C {...props} />;
  }
  return { View, preload };
}
