import { Conflict, Forbidden, NotFound } from '../http/errors';
import { assertOwnsStorefront } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import type { Image } from '../media/image-record';
import type { Services } from '../services';
import type { Producer } from './producer';
import { renameOnProducts } from './rename-products';
import type { StorefrontPatch } from './schemas';

export interface EditResult {
  producer: Producer;
  /** Products whose denormalised producer name was rewritten. */
  productsRenamed: number;
}

/**
 * The API's patch, plus what the dashboard's logo/banner forms set: the pipeline's record beside its
 * key (both `undefined` removes the image).
 */
export type StorefrontChanges = StorefrontPatch & { logoKey?: string | undefined; bannerKey?: string | undefined; logo?: Image | undefined; banner?: Image | undefined };

/** `logos/<id>/…`, `banners/<id>/…` (the pipeline's keys) or the older `media/producers/<id>/…`. */
export function isOwnImageKey(key: string, producerId: string): boolean {
  const [folder, owner, second] = key.split('/');
  if (folder === 'logos' || folder === 'banners') return owner === producerId;
  return folder === 'media' && owner === 'producers' && second === producerId;
}

export async function editStorefront(services: Services, principal: Principal | undefined, id: string, patch: StorefrontChanges): Promise<EditResult> {
  assertOwnsStorefront(principal, id);
  // The body may not point at another storefront, even one the caller could name.
  if (patch.id !== undefined && patch.id !== id) throw new Forbidden('Bạn không quản lý gian hàng này', 'NOT_STOREFRONT_OWNER');
  // An image key names the storefront whose folder it is in: another storefront's picture is not yours to show.
  for (const key of [patch.logoKey, patch.bannerKey]) {
    if (key !== undefined && !isOwnImageKey(key, id)) throw new Forbidden('Ảnh này không thuộc gian hàng của bạn', 'IMAGE_NOT_OWNED');
  }
  const previous = await services.producers.getProducer(id);
  if (!previous) throw new NotFound(`Không tìm thấy cơ sở ${id}`, 'PRODUCER_NOT_FOUND');
  if (patch.expectedUpdatedAt !== undefined && patch.expectedUpdatedAt !== (previous.updatedAt ?? previous.createdAt)) {
    throw new Conflict('Gian hàng vừa được sửa ở nơi khác, vui lòng tải lại', 'PRODUCER_CONFLICT');
  }
  const { id: _id, expectedUpdatedAt: _expected, bank, ...changes } = patch;
  const next: Producer = { ...previous, ...changes, updatedAt: services.clock.now().toISOString() };
  // The VietQR account: null removes it, absent leaves it as it was.
  if (bank === null) delete next.bank;
  else if (bank !== undefined) next.bank = bank;
  // A key set alone (the API's PATCH) leaves no record of another image behind.
  if (next.logo && next.logo.key !== next.logoKey) delete next.logo;
  if (next.banner && next.banner.key !== next.bannerKey) delete next.banner;
  await services.producers.updateProducer(principal.role === 'producer' ? (principal.producerId ?? '') : '', next, previous);
  const productsRenamed = next.name !== previous.name ? await renameOnProducts(services, id, next.name) : 0;
  return { producer: next, productsRenamed };
}
