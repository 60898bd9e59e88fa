import { AppError, NotFound, type ErrorDetails } from '../http/errors';

/** Every code the locator answers besides the shared ones (docs/locator.md, "Errors"). */
export const pointNotFound = () => new NotFound('Không tìm thấy điểm bán', 'POINT_NOT_FOUND');

export class UnknownCarried extends AppError {
  constructor(message: string, code: 'UNKNOWN_PRODUCT' | 'UNKNOWN_PRODUCER', details: ErrorDetails) {
    super(422, code, message, details);
  }
}
