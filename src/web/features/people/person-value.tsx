import type { ReactNode } from 'react';
import { HiddenValue } from '../../components/hidden-value';

/** A personal field: its value, a dash when empty, or a "hidden" mark when the server withheld it. */
export function PersonValue({ value, visible, children }: { value: unknown; visible: boolean; children?: ReactNode }) {
  if (value === null || value === undefined || value === '') return visible ? <>—</> : <HiddenValue />;
  return <>{children ?? String(value)}</>;
}
