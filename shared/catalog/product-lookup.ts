import { Gone, NotFound } from '../http/errors';
import type { Services } from '../services';
import { checkListingGate, gateReasonMessages } from './gate';
import type { Product } from './product';

/**
 * The one way a shopper-facing path reads a product: gated at this instant. A draft was never
 * public (404); anything else the gate refuses is Gone (410) with the reason.
 */
export async function getListedProduct(services: Pick<Services, 'catalog' | 'clock'>, id: string): Promise<Product> {
  const product = await services.catalog.getProduct(id);
  if (!product || product.status === 'draft') throw new NotFound(`Không tìm thấy sản phẩm ${id}`, 'PRODUCT_NOT_FOUND');
  const gate = checkListingGate(product, services.clock.now());
  if (!gate.listed) {
    throw new Gone(gateReasonMessages[gate.reason], 'PRODUCT_NOT_LISTED', { reason: gate.reason });
  }
  return product;
}
