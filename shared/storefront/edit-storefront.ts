import { Conflict, Forbidden, NotFound } from '../http/errors';
import { assertOwnsStorefront } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import type { Producer } from './producer';
import { renameOnProducts } from './rename-products';
import type { StorefrontPatch } from './storefront-edit';

export interface EditResult {
  producer: Producer;
  /** Products whose denormalised producer name was rewritten. */
  productsRenamed: number;
}

export async function editStorefront(services: Services, principal: Principal | undefined, id: string, patch: StorefrontPatch): Promise<EditResult> {
  assertOwnsStorefront(principal, id);
  // The body may not point at another storefront, even one the caller could name.
  if (patch.id !== undefined && patch.id !== id) throw new Forbidden('Bạn không quản lý gian hàng này', 'NOT_STOREFRONT_OWNER');
  const previous = await services.producers.getProducer(id);
  if (!previous) throw new NotFound(`Không tìm thấy cơ sở ${id}`, 'PRODUCER_NOT_FOUND');
  if (patch.expectedUpdatedAt !== undefined && patch.expectedUpdatedAt !== (previous.updatedAt ?? previous.createdAt)) {
    throw new Conflict('Gian hàng vừa được sửa ở nơi khác, vui lòng tải lại', 'PRODUCER_CONFLICT');
  }
  const { id: _id, expectedUpdatedAt: _expected, ...changes } = patch;
  const next: Producer = { ...previous, ...changes, updatedAt: services.clock.now().toISOString() };
  await services.producers.updateProducer(principal.role === 'producer' ? (principal.producerId ?? '') : '', next, previous);
  const productsRenamed = next.name !== previous.name ? await renameOnProducts(services, id, next.name) : 0;
  return { producer: next, productsRenamed };
}
