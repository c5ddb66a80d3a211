import { type ReactNode, Suspense, useState } from 'react';

interface DeferredControlProps {
  /** What the control shows before it is used: the current value, or a prompt to choose one. */
  text: string;
  /** Starts the download on hover or focus, so a tap rarely waits for it. */
  preload: () => unknown;
  /** The real control, rendered on first use; give it autoFocus and defaultOpen. */
  children: ReactNode;
  id?: string;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * A control whose code is downloaded only when someone uses it (a tree picker, a calendar): until
 * then a plain button shows its value. On a weak link the page is usable without waiting for it.
 */
export function DeferredControl({ text, preload, children, id, className, ...aria }: DeferredControlProps) {
  const [active, setActive] = useState(false);
  const standIn = (
    <button
      type="button"
      id={id}
      className={`deferred-control ${className ?? ''}`}
      aria-label={aria['aria-label']}
      aria-haspopup="dialog"
      data-testid={aria['data-testid']}
      onPointerEnter={() => void preload()}
      onFocus={() => void preload()}
      onClick={() => setActive(true)}
    >
      <span className="deferred-control-text">{text}</span>
      <span className="deferred-control-arrow" aria-hidden>
        ▾
      </span>
    </button>
  );
  if (!active) return standIn;
  return <Suspense fallback={standIn}>{children}</Suspense>;
}
