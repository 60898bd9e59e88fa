import type { Services } from '../services';
import { TooManyAttempts } from './errors';
import { REGISTER_THROTTLE, retryAfterSeconds } from './throttle-policy';
import type { ThrottleRef } from './throttle-store';

const registerRef = (ip: string): ThrottleRef => ({ scope: 'reg', value: ip });

/**
 * 429 while the client's registration counter is locked; otherwise counts this attempt before any
 * scrypt work, so concurrent attempts are all counted (the store's atomic ADD).
 */
export async function countRegistration(services: Services, ip: string): Promise<void> {
  const ref = registerRef(ip);
  const [record] = await services.identity.throttles.read([ref]);
  const wait = retryAfterSeconds(record, services.clock.now());
  if (wait > 0) throw new TooManyAttempts(wait, `Có quá nhiều lượt đăng ký từ mạng của bạn. Vui lòng thử lại sau ${wait} giây.`);
  await services.identity.throttles.recordFailure(ref, services.clock.now(), REGISTER_THROTTLE);
}
