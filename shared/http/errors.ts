import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error shape every API answer uses: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * What `details` may hold: structured data for clients, never a bare string, so a code passed in the
 * wrong place fails to compile.
 */
export type ErrorDetails = Readonly<Record<string, unknown>> | readonly unknown[];

/**
 * Domain code throws these; one handler turns them into the JSON shape and status. Every subclass
 * takes `(message, code?, details?)` in that order.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) },
    };
  }
}

export class InvalidInput extends AppError {
  constructor(message: string, code = 'INVALID_INPUT', details?: ErrorDetails) {
    super(400, code, message, details);
  }
}

export class NotFound extends AppError {
  constructor(message: string, code = 'NOT_FOUND', details?: ErrorDetails) {
    super(404, code, message, details);
  }
}

/** The resource existed but is no longer offered (e.g. a product hidden by the 3★ gate). */
export class Gone extends AppError {
  constructor(message: string, code: string, details?: ErrorDetails) {
    super(410, code, message, details);
  }
}

export class Conflict extends AppError {
  constructor(message: string, code = 'CONFLICT', details?: ErrorDetails) {
    super(409, code, message, details);
  }
}

export class Forbidden extends AppError {
  constructor(message: string, code = 'FORBIDDEN', details?: ErrorDetails) {
    super(403, code, message, details);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${limitBytes} bytes`, { limitBytes });
  }
}
