import type { Product } from '../catalog/product';
import { AppError } from '../http/errors';
import type { Services } from '../services';

/** Transactions in flight at once: keeps a big catalogue from bursting the table's write capacity. */
const PARALLEL = 8;

/**
 * After a storefront rename, rewrites `producerName` on each product and its listing items.
 * Cost (docs/storefront.md): one GSI1 Query per 100 products, then one saveProduct transaction per
 * product (product + ≤ 5 listing items, ≤ 12 WCU). Products already carrying the name are skipped,
 * so a re-run after a failure only finishes the rest. Returns how many products were rewritten.
 */
export async function renameOnProducts(services: Services, producerId: string, name: string): Promise<number> {
  let startKey: Record<string, unknown> | undefined;
  let rewritten = 0;
  do {
    const page = await services.producerProducts.page(producerId, { startKey });
    const stale = page.items.filter((p) => p.producerName !== name);
    for (let i = 0; i < stale.length; i += PARALLEL) {
      await Promise.all(stale.slice(i, i + PARALLEL).map((p) => renameOne(services, p, name)));
      rewritten += Math.min(PARALLEL, stale.length - i);
    }
    startKey = page.nextKey;
  } while (startKey);
  return rewritten;
}

/** A product edited concurrently is re-read once; the edit that won then gets the new name. */
async function renameOne(services: Services, product: Product, name: string, attempt = 1): Promise<void> {
  try {
    await services.catalog.saveProduct({ ...product, producerName: name, updatedAt: services.clock.now().toISOString() }, product);
  } catch (error) {
    if (!(error instanceof AppError && error.status === 409) || attempt > 1) throw error;
    const fresh = await services.catalog.getProduct(product.id);
    if (fresh && fresh.producerName !== name) await renameOne(services, fresh, name, attempt + 1);
  }
}
