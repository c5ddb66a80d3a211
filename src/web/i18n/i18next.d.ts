import 'i18next';
import type { viResources } from './resources';

// Typed keys: a misspelt key is a compile error, not a raw key on the screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof viResources };
  }
}
