import { randomUUID } from 'node:crypto';
import { Forbidden, InvalidInput, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { illegalTransition } from './errors';
import type { StoredSubOrder } from './items';
import { parseSubOrderId } from './order-code';
import type { Payment, Transition, TransitionRequest } from './order';
import { allowedMoves, canMove, holdsStock, statusLabels, type Actor, type SubOrderStatus } from './state-machine';
import { releaseUpdate } from './stock-updates';
import { keyId } from '../db/batch-get';
import { offerKey } from '../livestream/keys';
import { giveBackOfferUpdate } from '../livestream/offer-updates';
import { giveBackFairOfferUpdate } from '../fairs/offer-updates';

const MAX_ATTEMPTS = 4;

/** The caller as the state machine sees them, for this sub-order; never an officer or admin. */
export function actorFor(principal: Principal | undefined, sub: Pick<StoredSubOrder, 'buyerId' | 'producerId'>): Actor | undefined {
  if (!principal) return undefined;
  if (principal.role === 'producer' && principal.producerId === sub.producerId) return 'producer';
  if (principal.accountId === sub.buyerId) return 'shopper';
  return undefined;
}

export async function loadSubOrder(services: Services, id: string): Promise<StoredSubOrder> {
  const ref = parseSubOrderId(id);
  const sub = ref ? await services.orders.getSubOrder(ref.orderId, ref.n) : undefined;
  if (!sub) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  return sub;
}

/** Who may read a sub-order: its buyer, its storefront, its province's officers, admins. Others: 404. */
export function assertCanRead(principal: Principal, sub: Pick<StoredSubOrder, 'buyerId' | 'producerId' | 'provinceCode'>): void {
  if (actorFor(principal, sub)) return;
  if (principal.role === 'admin') return;
  if (principal.role === 'officer' && principal.provinceCode === sub.provinceCode) return;
  throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
}

/** Who may move it: buyer or storefront. Officers and admins read only (403); strangers 404. */
function assertActor(principal: Principal, sub: StoredSubOrder): Actor {
  const actor = actorFor(principal, sub);
  if (actor) return actor;
  if (principal.role === 'producer') throw new Forbidden('Bạn không quản lý gian hàng này', 'NOT_STOREFRONT_OWNER');
  if (principal.role === 'admin' || (principal.role === 'officer' && principal.provinceCode === sub.provinceCode)) {
    throw new Forbidden('Cán bộ và quản trị chỉ xem đơn hàng, không sửa', 'ORDER_READ_ONLY');
  }
  throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
}

export interface MoveRequest extends TransitionRequest {
  /** Set by the platform (webhook, timer): what the payment became. */
  payment?: Partial<Payment> | undefined;
}

/** The rules beyond "is the move legal": what each move needs and what it does to the payment. */
function nextOf(sub: StoredSubOrder, actor: Actor, req: MoveRequest, at: string, by: string): StoredSubOrder {
  const { to } = req;
  const next: StoredSubOrder = { ...sub, status: to, updatedAt: at, revision: (sub.revision ?? 0) + 1, payment: { ...sub.payment, ...(req.payment ?? {}) } };
  if (to === 'confirmed' && sub.status === 'pending_payment') {
    // A card payment is confirmed by Stripe's webhook only; a transfer by the storefront that saw it arrive.
    if (sub.payment.method === 'card' && actor !== 'system') throw illegalTransition(sub.status, to, allowedMoves(sub.status, actor).filter((s) => s !== 'confirmed'));
    next.payment = { ...next.payment, status: 'paid', paidAt: next.payment.paidAt ?? at };
  }
  if (to === 'shipped') {
    if (!req.carrier || !req.trackingCode) throw new InvalidInput('Nhập đơn vị vận chuyển và mã vận đơn', 'TRACKING_REQUIRED');
    next.carrier = req.carrier;
    next.trackingCode = req.trackingCode;
  }
  if (to === 'delivered' && sub.payment.method === 'cod') next.payment = { ...next.payment, status: 'paid', paidAt: at };
  if (to === 'cancelled') {
    if (actor === 'producer' && !req.reason) throw new InvalidInput('Nhập lý do huỷ để người mua biết', 'REASON_REQUIRED');
    next.cancelReason = req.reason ?? (actor === 'shopper' ? 'Người mua huỷ đơn' : 'Hệ thống huỷ đơn');
    const paid = sub.payment.status === 'paid';
    if (paid) next.payment = { ...next.payment, status: 'refund_due' };
    else if (sub.payment.status === 'awaiting') next.payment = { ...next.payment, status: 'expired' };
    delete next.payment.dueAt;
  }
  if (to === 'refunded') {
    if (actor === 'producer' && !req.reason) throw new InvalidInput('Nhập lý do hoàn tiền', 'REASON_REQUIRED');
    if (sub.payment.method !== 'card' || actor !== 'system') {
      next.payment = {
        ...next.payment,
        status: 'refunded',
        refund: next.payment.refund ?? { method: 'manual', amountVnd: sub.payment.amountVnd, at, by, ...(req.refundReference ? { reference: req.refundReference } : {}) },
      };
    }
    if (req.reason) next.cancelReason = next.cancelReason ?? req.reason;
  }
  return next;
}

const noticeFor = (sub: StoredSubOrder, actor: Actor, to: SubOrderStatus) =>
  actor === 'producer' || actor === 'system'
    ? { party: { accountId: sub.buyerId }, message: `Đơn ${sub.id} của ${sub.producerName}: ${statusLabels[to]}` }
    : { party: { producerId: sub.producerId }, message: `Người mua đã chuyển đơn ${sub.id} sang "${statusLabels[to]}"` };

/**
 * Moves one sub-order, atomically with its log entry, the header, the stock it gives back and a notice
 * to the other side. Two racing moves: one wins, the other gets 409 ILLEGAL_TRANSITION.
 */
export async function moveSubOrder(services: Services, who: { principal: Principal } | { system: string }, id: string, req: MoveRequest): Promise<StoredSubOrder> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const sub = await loadSubOrder(services, id);
    const actor: Actor = 'principal' in who ? assertActor(who.principal, sub) : 'system';
    if (!canMove(sub.status, req.to, actor)) throw illegalTransition(sub.status, req.to, allowedMoves(sub.status, actor));
    const now = services.clock.now().toISOString();
    const by = 'principal' in who ? who.principal.accountId : 'system';
    const next = nextOf(sub, actor, req, now, by);
    const releases = req.to === 'cancelled' && holdsStock(sub.status) ? await releasesFor(services, sub) : [];
    const transition: Transition = {
      from: sub.status,
      to: req.to,
      at: now,
      by,
      byRole: 'principal' in who ? who.principal.role : who.system,
      ...(req.reason ? { reason: req.reason } : {}),
    };
    const ok = await services.orders.transition({ previous: sub, next, transition, releases, notice: noticeFor(sub, actor, req.to), unique: randomUUID() });
    if (ok) {
      services.logger.info('sub-order moved', { subOrderId: id, from: sub.status, to: req.to, by: transition.byRole });
      if (next.status === 'cancelled' && next.payment.status === 'refund_due' && next.payment.method === 'card') {
        return refundCard(services, next);
      }
      return next;
    }
  }
  const latest = await loadSubOrder(services, id);
  throw illegalTransition(latest.status, req.to, []);
}

/**
 * Stock back for every line, at each variant's current position in its product; a live line also gives
 * its units back to the live quota and leaves the live's figures (its offer read alongside).
 */
async function releasesFor(services: Services, sub: StoredSubOrder) {
  const liveItems = sub.items.filter((i) => i.livestreamId);
  const [products, offers] = await Promise.all([
    services.catalog.getProducts(sub.items.map((i) => i.productId)),
    liveItems.length > 0
      ? services.livestreams.offers(liveItems.map((i) => ({ livestreamId: i.livestreamId!, productId: i.productId, variantId: i.variantId })))
      : Promise.resolve(new Map()),
  ]);
  const giveBacks = liveItems.flatMap((i) => {
    const offer = offers.get(keyId(offerKey(i.livestreamId!, i.productId, i.variantId)));
    if (!offer) return [];
    return [giveBackOfferUpdate({ livestreamId: i.livestreamId!, productId: i.productId, variantId: i.variantId, quantity: i.quantity, lineTotalVnd: i.lineTotalVnd, hasQuota: offer.left !== undefined })];
  });
  // A fair line leaves the fair's figures (its offer always exists: the line was taken from it).
  const fairGiveBacks = sub.items
    .filter((i) => i.fairId)
    .map((i) => giveBackFairOfferUpdate({ fairId: i.fairId!, productId: i.productId, variantId: i.variantId, quantity: i.quantity, lineTotalVnd: i.lineTotalVnd }));
  const byProduct = new Map<string, { variantIndex?: number; variantId?: string; quantity: number }[]>();
  for (const item of sub.items) {
    const product = products.get(item.productId);
    if (!product) continue;
    let line: { variantIndex?: number; variantId?: string; quantity: number } = { quantity: item.quantity };
    if (item.variantId) {
      const index = (product.variants ?? []).findIndex((v) => v.id === item.variantId);
      // The variant was removed since: its units have nowhere to go back to.
      if (index < 0) continue;
      line = { variantIndex: index, variantId: item.variantId, quantity: item.quantity };
    }
    byProduct.set(item.productId, [...(byProduct.get(item.productId) ?? []), line]);
  }
  return [...byProduct.entries()].map(([productId, lines]) => releaseUpdate(productId, lines)).concat(giveBacks, fairGiveBacks);
}

/** A paid card sub-order that was cancelled: Stripe refunds it (idempotent by sub-order), then it is refunded. */
export async function refundCard(services: Services, sub: StoredSubOrder): Promise<StoredSubOrder> {
  const provider = services.cardPayments;
  const intent = sub.payment.paymentIntentId;
  if (!provider || !intent) {
    services.logger.error('card refund owed but no provider or payment intent', { subOrderId: sub.id });
    return sub;
  }
  try {
    const { refundId } = await provider.refund({ paymentIntentId: intent, amountVnd: sub.payment.amountVnd, idempotencyKey: `refund-${sub.id}`, reason: sub.cancelReason });
    const at = services.clock.now().toISOString();
    return await moveSubOrder(services, { system: 'stripe' }, sub.id, {
      to: 'refunded',
      reason: 'Hoàn tiền thẻ qua Stripe',
      payment: { status: 'refunded', refund: { method: 'stripe', amountVnd: sub.payment.amountVnd, at, by: 'system', reference: refundId } },
    });
  } catch (error) {
    // Stays "cancelled, refund due": the charge.refunded webhook or a retry of the cancel finishes it.
    services.logger.error('Stripe refund failed; the sub-order stays refund_due', { subOrderId: sub.id, error });
    return sub;
  }
}
