import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  state: boolean | 'mixed';
  label: string;
  /** The label is for screen readers only (the group's heading says it on screen). */
  hideLabel?: boolean;
  disabled?: boolean;
  /** Why there is nothing to select, said to assistive tech with the disabled box (and shown as its tooltip). */
  emptyReason?: string;
  testId?: string;
  onChange(): void;
}

/** "Select all" for a group: checked, unchecked, or mixed when only some are selected. */
export function TriCheckbox({ state, label, hideLabel, disabled, emptyReason, testId, onChange }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const reasonId = useId();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'mixed';
  }, [state]);
  const reason = disabled ? emptyReason : undefined;
  const common = {
    ref,
    type: 'checkbox' as const,
    checked: state === true,
    disabled,
    'aria-describedby': reason ? reasonId : undefined,
    'data-testid': testId,
    onChange,
  };
  const why = reason && (
    <span id={reasonId} class="visually-hidden">
      {reason}
    </span>
  );
  if (hideLabel) {
    return (
      <>
        <input {...common} aria-label={label} />
        {why}
      </>
    );
  }
  return (
    <label class="check-label" title={reason}>
      <input {...common} />
      {label}
      {why}
    </label>
  );
}
