import { useEffect, useRef } from 'preact/hooks';

interface Props {
  state: boolean | 'mixed';
  label: string;
  /** The label is for screen readers only (the group's heading says it on screen). */
  hideLabel?: boolean;
  disabled?: boolean;
  testId?: string;
  onChange(): void;
}

/** "Select all" for a group: checked, unchecked, or mixed when only some are selected. */
export function TriCheckbox({ state, label, hideLabel, disabled, testId, onChange }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'mixed';
  }, [state]);
  const common = { ref, type: 'checkbox' as const, checked: state === true, disabled, 'data-testid': testId, onChange };
  if (hideLabel) return <input {...common} aria-label={label} />;
  return (
    <label class="check-label">
      <input {...common} />
      {label}
    </label>
  );
}
