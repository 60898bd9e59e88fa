import type { Product } from '../catalog/product';
import { InvalidInput, NotFound } from '../http/errors';
import { assertOfficerOf } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import type { Producer } from '../storefront/producer';

export type Registrar = Extract<Principal, { role: 'officer' | 'admin' }>;

/**
 * The object-level rule of the registry: an officer acts only on subjects whose current address is
 * in their province (admin anywhere). Checked here, in the service, so no caller can skip it.
 */
export async function subjectInScope(services: Pick<Services, 'producers'>, principal: Principal, subjectId: string): Promise<Producer> {
  const producer = await services.producers.getProducer(subjectId);
  if (!producer) throw new NotFound(`Không tìm thấy chủ thể ${subjectId}`, 'PRODUCER_NOT_FOUND');
  assertOfficerOf(principal, producer.provinceCode, { orAdmin: true });
  return producer;
}

export async function productOfSubject(services: Pick<Services, 'catalog'>, productId: string, subjectId: string): Promise<Product> {
  const product = await services.catalog.getProduct(productId);
  if (!product) throw new NotFound(`Không tìm thấy sản phẩm ${productId}`, 'PRODUCT_NOT_FOUND');
  if (product.producerId !== subjectId) {
    throw new InvalidInput('Sản phẩm không thuộc chủ thể của chứng nhận', 'PRODUCT_NOT_OF_SUBJECT', { productId, subjectId });
  }
  return product;
}
