import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/http/errors';
import { address, openShop, placeRequest, stockOf, type Shop } from './fixtures';

/** A producer's edit form read before a sale and saved after it must not put the sold units back. */
describe('product edits and sales on the same item', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop();
  });

  it('refuses a stale whole-item write (409 PRODUCT_CONFLICT) instead of restoring the sold stock', async () => {
    const read = (await shop.services.catalog.getProduct(shop.fishSauce.id))!;
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: read.id, quantity: 3 }], shippingAddress: address, paymentMethod: 'cod' }));
    expect(res.status).toBe(201);
    const stale = { ...read, name: `${read.name} (mới)`, updatedAt: new Date(Date.parse(read.updatedAt) + 1000).toISOString() };
    const error = await shop.services.catalog.saveProduct(stale, read).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PRODUCT_CONFLICT');
    expect((await stockOf(shop.services, read.id)).stock).toBe(read.stock - 3);
    // Read again, the same edit goes through and keeps the stock as sold.
    const fresh = (await shop.services.catalog.getProduct(read.id))!;
    await shop.services.catalog.saveProduct({ ...fresh, name: stale.name, updatedAt: stale.updatedAt }, fresh);
    expect(await shop.services.catalog.getProduct(read.id)).toMatchObject({ name: stale.name, stock: read.stock - 3 });
  });

  it('does the same for a variant sold between read and write', async () => {
    const read = (await shop.services.catalog.getProduct(shop.tea.id))!;
    await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: read.id, variantId: 'hop-250g', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }));
    const error = await shop.services.catalog
      .saveProduct({ ...read, description: 'Mô tả mới', updatedAt: new Date(Date.parse(read.updatedAt) + 1000).toISOString() }, read)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as AppError).code).toBe('PRODUCT_CONFLICT');
  });
});
