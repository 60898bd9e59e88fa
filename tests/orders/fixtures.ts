import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices } from '../../app/create-services';
import type { Product } from '../../shared/catalog/product';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import type { Clock } from '../../shared/time/clock';

export const address = {
  recipientName: 'Nguyễn Thị Lan',
  phone: '0912 345 678',
  provinceCode: '01',
  commune: 'phường Ba Đình',
  street: '12 Phan Đình Phùng',
};

export interface Shop {
  services: EdgeServices;
  app: App;
  shopper: TestAccount;
  ownerA: TestAccount;
  ownerB: TestAccount;
  /** Storefront A: 30.000 ₫ shipping, free from 500.000 ₫; B: 25.000 ₫ flat, takes VietQR transfers. */
  honey: Product;
  fishSauce: Product;
  tea: Product;
}

/** Two storefronts in two provinces with listed products, a shopper and both owners. */
export async function openShop(options: { clock?: Clock } = {}): Promise<Shop> {
  const services = await createTestServices(options);
  await services.producers.createProducer(makeProducer({ id: 'htx-a', name: 'HTX Mật ong A', provinceCode: '91', shippingFeeVnd: 30_000, freeShippingThresholdVnd: 500_000 }));
  await services.producers.createProducer(
    makeProducer({ id: 'htx-b', name: 'HTX Trà B', provinceCode: '01', shippingFeeVnd: 25_000, bank: { bankBin: '970436', accountNumber: '0123456789', accountName: 'HTX TRA B' } }),
  );
  const honey = await listed(services, { id: 'mat-ong-a1', producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 50 });
  const fishSauce = await listed(services, { id: 'nuoc-mam-a2', producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 120_000, stock: 20 });
  const tea = await listed(services, {
    id: 'tra-b1',
    producerId: 'htx-b',
    producerName: 'HTX Trà B',
    provinceCode: '01',
    priceVnd: 90_000,
    stock: 15,
    variants: [
      { id: 'goi-100g', label: 'gói 100 g', priceVnd: 90_000, stock: 10 },
      { id: 'hop-250g', label: 'hộp 250 g', priceVnd: 200_000, stock: 5 },
    ],
  });
  return {
    services,
    app: createApp(services),
    shopper: await createTestAccount(services, 'shopper'),
    ownerA: await createTestAccount(services, 'producer', { producerId: 'htx-a' }),
    ownerB: await createTestAccount(services, 'producer', { producerId: 'htx-b' }),
    honey,
    fishSauce,
    tea,
  };
}

export async function listed(services: Services, over: Partial<Product>): Promise<Product> {
  const product = makeProduct(over);
  await services.catalog.saveProduct(product);
  return product;
}

export function placeRequest(who: TestAccount, body: unknown, key: string | null = randomUUID()) {
  return new Request('http://localhost/api/orders', {
    method: 'POST',
    headers: { ...who.bearer, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
}

export async function stockOf(services: Services, id: string) {
  const p = await services.catalog.getProduct(id);
  return { stock: p?.stock, variants: Object.fromEntries((p?.variants ?? []).map((v) => [v.id, v.stock])) };
}

export function move(app: App, who: TestAccount, subId: string, body: Record<string, unknown>) {
  return app.request(`/api/sub-orders/${subId}/transitions`, { method: 'POST', headers: { ...who.bearer, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export interface OrderAnswer {
  id: string;
  totalVnd: number;
  subOrders: {
    id: string;
    producerId: string;
    status: string;
    items: { productId: string; variantId?: string; quantity: number; unitPriceVnd: number; lineTotalVnd: number }[];
    shippingFeeVnd: number;
    totalVnd: number;
    payment: { method: string; status: string; amountVnd: number; dueAt?: string; checkoutUrl?: string; vietqr?: { payload: string; imageUrl: string; amountVnd: number; purpose: string; accountNumber: string } };
    history?: { from: string; to: string; by: string; byRole: string }[];
    carrier?: string;
    trackingCode?: string;
  }[];
}
