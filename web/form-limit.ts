import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLarge } from '../shared/http/errors';

/** A text form (a reason, a few fields) is a few KB: anything far larger is refused before it is read. */
export const FORM_LIMIT_BYTES = 16 * 1024;

/** 413 PAYLOAD_TOO_LARGE above `maxBytes`, through the app's error handler like any other refusal. */
export function formBodyLimit(maxBytes: number = FORM_LIMIT_BYTES) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLarge(maxBytes);
    },
  });
}
