import { AppError } from '../http/errors';

/** No valid session where one is needed (401). Kept here: only identity decides who is signed in. */
export class Unauthenticated extends AppError {
  constructor(message = 'Bạn cần đăng nhập để tiếp tục', code = 'UNAUTHENTICATED') {
    super(401, code, message);
  }
}

/** One answer for an unknown email and a wrong password, so the API does not reveal who has an account. */
export class InvalidCredentials extends Unauthenticated {
  constructor() {
    super('Email hoặc mật khẩu không đúng', 'INVALID_CREDENTIALS');
  }
}

/** Login locked by the brute-force throttle; the route copies `retryAfterSeconds` into `Retry-After`. */
export class TooManyAttempts extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Bạn đã thử sai quá nhiều lần. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
  ) {
    super(429, 'TOO_MANY_ATTEMPTS', message, { retryAfterSeconds });
  }
}
