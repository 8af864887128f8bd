interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  hint?: string;
  /** Why the value cannot be saved; shown under the field and announced with it. */
  error?: string | undefined;
  type?: 'text' | 'url';
  inputMode?: 'decimal' | 'numeric' | 'url';
  /** Shown but not editable (the pinned addresses of store builds). */
  readOnly?: boolean;
}

/** A labelled text input with its hint and, when the value is refused, the reason. */
export function OptionsField({ id, label, value, onInput, onBlur, hint, error, type = 'text', inputMode, readOnly }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
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
    </div>
  );
}
