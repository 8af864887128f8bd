import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  hint?: string;
  /** Why the value cannot be saved; shown under the field and announced with it. */
  error?: string | undefined;
  /** A remark that can change while the page is open (announced politely); undefined: none. */
  note?: string | undefined;
  /** Controls shown under the field, such as a button the note refers to. */
  children?: ComponentChildren;
  type?: 'text' | 'url';
  inputMode?: 'decimal' | 'numeric' | 'url';
  /** Shown but not editable (the pinned addresses of store builds). */
  readOnly?: boolean;
}

/** A labelled text input with its hint, an optional live note and, when the value is refused, the reason. */
export function OptionsField({ id, label, value, onInput, onBlur, hint, error, note, children, type = 'text', inputMode, readOnly }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const noteId = `${id}-note`;
  const describedBy = [error ? errorId : '', hint ? hintId : '', note ? noteId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        value={value}
        spellcheck={false}
        autoComplete="off"
        readOnly={readOnly}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={onBlur}
      />
      {error && (
        <p id={errorId} class="error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {note !== undefined && (
        <p id={noteId} class="hint" aria-live="polite">
          {note}
        </p>
      )}
      {children}
    </div>
  );
}
