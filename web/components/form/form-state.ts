import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../../shared/http/errors';
import type { FieldErrors, FormState } from './form';

/** The form's fields as strings (absent ones as ''), so every problem gets a Vietnamese message from the schema. */
export async function readForm(c: Context, fields: readonly string[]): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const name of fields) {
    const value = body[name];
    out[name] = typeof value === 'string' ? value : '';
  }
  return out;
}

/** Optional fields left blank mean "not given", not "invalid". */
export function withoutBlanks(values: Record<string, string>, optional: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...values };
  for (const name of optional) if (!values[name]?.trim()) out[name] = undefined;
  return out;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name && !errors[name]) errors[name] = issue.message;
  }
  return errors;
}

/** Domain errors that belong to one field rather than to the whole form. */
const fieldOfCode: Record<string, string> = { EMAIL_TAKEN: 'email' };

/** A 4xx domain error as form state and status; undefined for anything else (the error handler takes it). */
export function formFailure(error: unknown, values: Record<string, string>): { state: FormState; status: 400 | 401 | 403 | 409 | 429 } | undefined {
  if (!(error instanceof AppError) || ![400, 401, 403, 409, 429].includes(error.status)) return undefined;
  const status = error.status as 400 | 401 | 403 | 409 | 429;
  const errors: FieldErrors = {};
  const field = fieldOfCode[error.code];
  if (field) errors[field] = error.message;
  if (Array.isArray(error.details)) {
    for (const d of error.details as { path?: unknown; message?: unknown }[]) {
      if (typeof d.path === 'string' && typeof d.message === 'string' && d.path && !errors[d.path]) errors[d.path] = d.message;
    }
  }
  const hasFieldError = Object.keys(errors).length > 0;
  return { state: { values, errors, formError: hasFieldError ? undefined : error.message }, status };
}

/** Only a path on this site: "/x" yes; "//evil.example", "/\\evil" or "https://…" no (open redirect). */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || next.length > 500 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return /[\u0000-\u001f\u007f]/.test(next) ? undefined : next;
}
