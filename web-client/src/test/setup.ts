import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no layout engine: antd's responsive helpers need matchMedia, which it lacks. No
// media query ever matches here, as in a browser whose window never changes.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) => {
    const target = new EventTarget();
    const list = Object.assign(target, {
      matches: false,
      media: query,
      onchange: null,
      addListener: (listener: EventListener) => target.addEventListener('change', listener),
      removeListener: (listener: EventListener) => target.removeEventListener('change', listener),
    });
    return list;
  };
}

// jsdom lacks ResizeObserver, which antd's popups use to follow their trigger's size; with no
// layout, sizes never change, so observing reports nothing.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe = (): void => undefined;
    unobserve = (): void => undefined;
    disconnect = (): void => undefined;
  };
}

// findBy and waitFor give up after a second by default, which a debounced search misses when the cores are
// shared with a build; waiting longer costs nothing when the element comes at once.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  if (typeof window !== 'undefined') {
    window.sessionStorage.clear();
    window.localStorage.clear();
  }
});
