import { AppError } from '../http/errors';
import type { Services } from '../services';
import { moveSubOrder } from './transitions';

const PAGE = 100;
const MAX_PAGES = 20;

/**
 * The unpaid-order timer: every transfer or card sub-order still waiting at its due time is cancelled
 * by the platform and its stock goes back. Idempotent — a cancelled sub-order leaves the sparse
 * payment-due index in the same transaction — so two overlapping runs release each one once.
 */
export async function releaseUnpaid(services: Services): Promise<{ released: number }> {
  const now = services.clock.now();
  let released = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await services.orders.dueBefore(now, PAGE, cursor);
    for (const sub of due.items) {
      try {
        await moveSubOrder(services, { system: 'payment-timer' }, sub.id, { to: 'cancelled', reason: 'Quá 30 phút chưa nhận được thanh toán' });
        released++;
      } catch (error) {
        if (error instanceof AppError && error.code === 'ILLEGAL_TRANSITION') continue;
        throw error;
      }
    }
    cursor = due.nextCursor;
    if (!cursor) break;
  }
  if (released > 0) services.logger.info('unpaid sub-orders released', { released });
  return { released };
}
