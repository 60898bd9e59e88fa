import type { Child } from 'hono/jsx';

/** Field name → first message, as the form shows it next to the field. */
export type FieldErrors = Partial<Record<string, string>>;

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  /** Errors that belong to no one field (wrong credentials, too many attempts). */
  formError?: string | undefined;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

/** The one id scheme of form fields, so the error summary's links land on any field or table cell. */
export const fieldId = (name: string) => `truong-${name}`;

/** The message under the control with id `id`, as `${id}-loi` for its aria-describedby. */
export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={`${id}-loi`}>
      {error}
    </p>
  ) : null;
}

/** The message under a field (or cell) of a form state. */
export function FieldError({ name, state }: { name: string; state: FormState }) {
  return <FieldMessage id={fieldId(name)} error={state.errors[name]} />;
}

/**
 * At the top of the form, focused on load: what is wrong, each item a
 * link to its field, so screen-reader and keyboard users get there in one step.
 */
export function ErrorSummary({ state, labels }: { state: FormState; labels: Record<string, string> }) {
  // In the order the fields appear, not the order the schema found the problems.
  const order = Object.keys(labels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const fieldErrors = Object.entries(state.errors)
    .filter(([, m]) => m)
    .sort(([a], [b]) => rank(a) - rank(b));
  if (!state.formError && fieldErrors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="tom-tat-loi" autofocus>
      <h2 id="tom-tat-loi">{state.formError ?? 'Vui lòng sửa các mục sau:'}</h2>
      {fieldErrors.length > 0 ? (
        <ul>
          {fieldErrors.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(name)}`}>
                {labels[name] ?? name}: {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  type?: 'text' | 'email' | 'password' | 'tel';
  autocomplete: string;
  hint?: string;
  required?: boolean;
  minlength?: number;
  maxlength?: number;
  inputmode?: 'email' | 'tel' | 'text' | 'numeric';
  /** Passwords are never sent back into the page. */
  keepValue?: boolean;
}

/** A labelled input with its hint and inline error, both tied to it through aria-describedby. */
export function Field(props: FieldProps) {
  const id = fieldId(props.name);
  const error = props.state.errors[props.name];
  const describedBy = [props.hint ? `${id}-goi-y` : '', error ? `${id}-loi` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required === false ? ' (không bắt buộc)' : ''}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-goi-y`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.keepValue === false ? '' : (props.state.values[props.name] ?? '')}
        autocomplete={props.autocomplete}
        required={props.required !== false}
        minlength={props.minlength}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <FieldMessage id={id} error={error} />
    </div>
  );
}

export interface ChoiceProps {
  name: string;
  legend: string;
  state: FormState;
  options: { value: string; label: string; hint?: string }[];
}

/** Radio buttons in a fieldset, the legend naming the question. */
export function Choice({ name, legend, state, options }: ChoiceProps) {
  const id = fieldId(name);
  const error = state.errors[name];
  return (
    <div class="field">
      <fieldset id={id} aria-describedby={error ? `${id}-loi` : undefined}>
        <legend>{legend}</legend>
        {options.map((o, i) => (
          <label class="choice" for={`${id}-${i}`}>
            <input id={`${id}-${i}`} type="radio" name={name} value={o.value} checked={state.values[name] === o.value} required />
            <span>
              {o.label}
              {o.hint ? <span class="hint"> — {o.hint}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

export function Submit({ children }: { children: Child }) {
  return (
    <div>
      <button type="submit">{children}</button>
    </div>
  );
}
