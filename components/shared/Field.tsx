import type { ComponentChildren } from 'preact';
import { LockedNote } from './LockedNote';

interface Props {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: ComponentChildren;
  placeholder?: string;
  inputMode?: 'numeric' | 'url';
  /** Set by the organization's policy: shown, not editable, and said so. */
  locked?: boolean;
  /** Not yet editable: the saved value is still being read, and typing now would be overwritten. */
  loading?: boolean;
  onInput: (value: string) => void;
}

/** A labelled text input whose error is announced and tied to it (aria-invalid, aria-describedby). */
export function Field({ id, label, value, error, hint, placeholder, inputMode, locked, loading, onInput }: Props) {
  const described = [locked ? `${id}-locked` : '', hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete="off"
        disabled={locked}
        readOnly={loading}
        aria-busy={loading ? 'true' : undefined}
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {locked && <LockedNote id={`${id}-locked`} />}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
