import { checkListingGate } from '../catalog/gate';
import { priceBandOf, type PriceBandCode } from './price-bands';
import type { ProductRecord } from './search-document';

/** Numbers every query needs per record, parsed once: records are replaced on update, never mutated. */
export interface RecordKeys {
  /** The instant until which the 3★ gate lets the record through (−∞: never). */
  listedUntil: number;
  createdMs: number;
  band: PriceBandCode;
}

const cache = new WeakMap<ProductRecord, RecordKeys>();

export function keysOf(r: ProductRecord): RecordKeys {
  let keys = cache.get(r);
  if (!keys) {
    const expires = Date.parse(r.expiresAt);
    // The gate depends on time only through the expiry: asked once, at the last instant before it.
    const gate = checkListingGate({ status: r.status, certificate: { stars: r.stars, status: r.certificateStatus, expiresAt: r.expiresAt } }, new Date(expires - 1));
    keys = { listedUntil: gate.listed ? expires : Number.NEGATIVE_INFINITY, createdMs: Date.parse(r.createdAt), band: priceBandOf(r.priceVnd) };
    cache.set(r, keys);
  }
  return keys;
}

/** Listed at this instant: the 3★ gate (checkListingGate) on the indexed copy, re-checked at every query. */
export function isListedAt(r: ProductRecord, now: Date): boolean {
  return now.getTime() < keysOf(r).listedUntil;
}
