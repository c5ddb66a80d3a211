import { useCallback, useMemo } from 'react';

/**
 * Keeps what was typed in a long form in this browser until it is saved, so a lost connection or
 * a closed dialog on a cheap phone does not lose a plan typed for half an hour. Dates are kept as
 * ISO strings by the caller (JSON has no dates).
 */
export function useFormDraft<T extends object>(key: string | null) {
  const storageKey = key ? `noiguong.draft.${key}` : null;
  const draft = useMemo<T | null>(() => {
    if (!storageKey) return null;
    try {
      const raw = window.localStorage.getItem(storageKey);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  }, [storageKey]);

  const save = useCallback(
    (values: T) => {
      if (!storageKey) return;
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(values));
      } catch {
        // Storage may be full or forbidden: the form still works, only without a draft.
      }
    },
    [storageKey],
  );

  const clear = useCallback(() => {
    if (!storageKey) return;
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // Nothing kept, nothing to clear.
    }
  }, [storageKey]);

  return { draft, save, clear };
}
