import { z } from '@hono/zod-openapi';

/**
 * Plain decimal digits only. `z.coerce.number()` goes through `Number()`, which also reads
 * `0x10`, `1e1`, `3.0`, ` 3` and `+3`: a filter or page size must mean exactly what was typed.
 * Nine digits at most, so no bound check ever meets an unsafe integer.
 */
const DECIMAL_INTEGER = /^[0-9]{1,9}$/;

/**
 * A numeric query parameter (every one in the app uses this): the string is checked, then read as
 * an integer in [min, max]. The OpenAPI document still says `integer` with its bounds.
 */
export function queryInteger(min: number, max: number) {
  return z
    .string()
    .regex(DECIMAL_INTEGER, 'Chỉ nhận số nguyên viết bằng chữ số thập phân')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .openapi({ type: 'integer', minimum: min, maximum: max });
}

/** The same with a default for an absent parameter, stated in the OpenAPI document too. */
export function queryIntegerOr(min: number, max: number, fallback: number) {
  return queryInteger(min, max).default(fallback).openapi({ default: fallback });
}
