/** A labelled form field with a hint and an inline validation message. */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export function Field({ label, hint, error, optional, children }: {
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional ? <span className="field-optional">{optional}</span> : null}
      </label>
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
    </div>
  );
}

/** A text input bound to a string value. */
export function TextField({ label, hint, error, optional, value, onChange, ...rest }: {
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: string;
  value: string | undefined;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error} {...(optional ? { optional } : {})}>
      {(props) => <input className="input" {...rest} {...props} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
