import type { FormState } from '../components/form/form';
import { fieldId } from '../components/form/form';

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  return [hint ? `${id}-goi-y` : '', error ? `${id}-loi` : ''].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error, where }: { id: string; hint?: string | undefined; error?: string | undefined; where: 'hint' | 'error' }) {
  if (where === 'hint')
    return hint ? (
      <p class="hint" id={`${id}-goi-y`}>
        {hint}
      </p>
    ) : null;
  return error ? (
    <p class="field-error" id={`${id}-loi`}>
      {error}
    </p>
  ) : null;
}

export interface SelectFieldProps {
  name: string;
  label: string;
  state: FormState;
  options: readonly { value: string; label: string }[];
  hint?: string;
  placeholder?: string;
  required?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = fieldId(props.name);
  const error = props.state.errors[props.name];
  const current = props.state.values[props.name] ?? '';
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required === false ? ' (không bắt buộc)' : ''}
      </label>
      <HintAndError id={id} hint={props.hint} where="hint" />
      <select id={id} name={props.name} required={props.required !== false} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>
        <option value="">{props.placeholder ?? '— Chọn —'}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} error={error} where="error" />
    </div>
  );
}

export interface TextAreaProps {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  rows?: number;
}

export function TextArea(props: TextAreaProps) {
  const id = fieldId(props.name);
  const error = props.state.errors[props.name];
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required === false ? ' (không bắt buộc)' : ''}
      </label>
      <HintAndError id={id} hint={props.hint} where="hint" />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        maxlength={props.maxlength}
        required={props.required !== false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        {props.state.values[props.name] ?? ''}
      </textarea>
      <HintAndError id={id} error={error} where="error" />
    </div>
  );
}
