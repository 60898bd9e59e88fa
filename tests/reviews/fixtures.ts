import { expect } from 'vitest';
import type { TestAccount } from '../authz/accounts';
import { address, move, placeRequest, type OrderAnswer, type Shop } from '../orders/fixtures';

/** A COD order of `items` by `buyer`, walked to delivered by its storefront: the lines are reviewable from now. */
export async function deliveredOrder(shop: Shop, items: { productId: string; variantId?: string; quantity: number }[], buyer: TestAccount = shop.shopper) {
  const res = await shop.app.request(placeRequest(buyer, { items, shippingAddress: address, paymentMethod: 'cod' }));
  if (res.status !== 201) throw new Error(`placing the order: ${res.status} ${await res.text()}`);
  const order = (await res.json()) as OrderAnswer;
  for (const sub of order.subOrders) {
    const owner = sub.producerId === 'htx-a' ? shop.ownerA : shop.ownerB;
    expect((await move(shop.app, owner, sub.id, { to: 'packed' })).status).toBe(200);
    expect((await move(shop.app, owner, sub.id, { to: 'shipped', carrier: 'Viettel Post', trackingCode: 'VTP123456789' })).status).toBe(200);
    expect((await move(shop.app, owner, sub.id, { to: 'delivered' })).status).toBe(200);
  }
  return order;
}

export function reviewRequest(shop: Shop, who: TestAccount | undefined, orderId: string, lineId: string, body: unknown, method: 'POST' | 'PATCH' = 'POST') {
  return shop.app.request(`/api/orders/${orderId}/items/${lineId}/review`, {
    method,
    headers: { ...(who?.bearer ?? {}), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function postJson(shop: Shop, who: TestAccount | undefined, path: string, body: unknown) {
  return shop.app.request(path, { method: 'POST', headers: { ...(who?.bearer ?? {}), 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
