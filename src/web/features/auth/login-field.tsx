import type { InputHTMLAttributes, ReactNode } from 'react';

type LoginFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error: string | null;
  /** A control drawn inside the field, after the input (the show-password button). */
  after?: ReactNode;
};

/** A labelled input with its error below it, announced to screen readers. */
export function LoginField({ id, label, error, after, ...input }: LoginFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="plain-field">
      <label htmlFor={id} className="plain-label">
        {label}
      </label>
      <div className={`plain-input-wrap${error ? ' plain-input-invalid' : ''}`}>
        <input
          id={id}
          className="plain-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...input}
        />
        {after}
      </div>
      {error ? (
        <div id={errorId} className="plain-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
