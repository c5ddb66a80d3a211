import type { ReactNode } from 'react';

export type StatusKind = 'forbidden' | 'not-found' | 'error' | 'info';

const SYMBOL: Record<StatusKind, string> = { forbidden: '⛔', 'not-found': '🔍', error: '⚠', info: 'ℹ' };

/**
 * A page-level message (refusal, missing page, failed load): a symbol, a title, a sentence and an
 * action. Plain markup instead of Ant Design's Result, whose illustrations every page would download.
 */
export function StatusMessage({
  kind,
  title,
  description,
  action,
}: {
  kind: StatusKind;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className={`status-message status-message-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="status-message-symbol" aria-hidden>
        {SYMBOL[kind]}
      </div>
      <h2 className="status-message-title">{title}</h2>
      {description ? <p className="status-message-text">{description}</p> : null}
      {action ? <div className="status-message-action">{action}</div> : null}
    </section>
  );
}
