/**
 * Rendering a component as the signed-in app shows it, for component tests (`*.test.tsx` beside
 * the component, run by vitest in jsdom): the Vietnamese texts, Ant Design's theme, locale and
 * message context. Nothing here is part of the app's bundle.
 */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { ComponentLibrary } from '../app/component-library';
import { i18nReady } from '../i18n';

// jsdom has no layout: Ant Design asks for media queries, and the grid observes sizes.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// jsdom reads no style of a pseudo-element (Ant Design measures the scrollbar with one): the element's own.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);
if (!('ResizeObserver' in window)) {
  (window as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

afterEach(() => cleanup());

export async function renderInApp(ui: ReactElement): Promise<RenderResult> {
  await i18nReady;
  return render(<ComponentLibrary>{ui}</ComponentLibrary>);
}
