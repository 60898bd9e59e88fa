import { Forbidden, InvalidInput } from '../http/errors';
import { assertOfficerOf } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import { provinceByCode } from '../reference/provinces';
import type { Services } from '../services';
import type { CertificateIndexEntry } from './certificate-index';
import { daysLeft, registryState, type RegistryState } from './registry-state';

export const CONSOLE_PAGE_SIZE = 25;
export const MAX_CONSOLE_PAGE_SIZE = 50;
/** The console's "sắp hết hạn" filter: the 90-day notice plus a season to organise re-evaluation. */
export const EXPIRING_SOON_DAYS = 180;

export interface ProvinceCertificateRow extends CertificateIndexEntry {
  producerName?: string | undefined;
  productName?: string | undefined;
  state: RegistryState;
  daysLeft?: number | undefined;
}

export interface ProvinceCertificateList {
  provinceCode: string;
  expiringSoon: boolean;
  items: ProvinceCertificateRow[];
  nextCursor?: string | undefined;
  checkedAt: string;
}

export interface ProvinceCertificatesInput {
  provinceCode: string;
  expiringSoon?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * A province's certificates for its officer (any province for an admin), newest decision first.
 * The province check is here, not in the route: an officer asking for another province gets the
 * same 403 NOT_PROVINCE_OFFICER as the registry API. Cost: 1 Query (≤ 4 with the expiring filter)
 * + 1 BatchGetItem for current names.
 */
export async function listProvinceCertificates(
  services: Pick<Services, 'registry' | 'clock'>,
  caller: Principal,
  input: ProvinceCertificatesInput,
): Promise<ProvinceCertificateList> {
  if (caller.role !== 'officer' && caller.role !== 'admin') throw new Forbidden('Chỉ cán bộ OCOP và quản trị viên xem danh sách chứng nhận', 'NOT_REGISTRAR');
  if (!provinceByCode(input.provinceCode)) throw new InvalidInput(`Không có tỉnh, thành phố mã ${input.provinceCode}`, 'UNKNOWN_PROVINCE');
  assertOfficerOf(caller, input.provinceCode, { orAdmin: true });
  const now = services.clock.now();
  const limit = Math.min(Math.max(1, input.limit ?? CONSOLE_PAGE_SIZE), MAX_CONSOLE_PAGE_SIZE);
  const page = await services.registry.listProvinceCertificates({
    provinceCode: input.provinceCode,
    limit,
    cursor: input.cursor,
    expiringWithinDays: input.expiringSoon ? EXPIRING_SOON_DAYS : undefined,
    now,
  });
  const names = await services.registry.certificateNames(page.items);
  return {
    provinceCode: input.provinceCode,
    expiringSoon: input.expiringSoon === true,
    items: page.items.map((entry) => ({
      ...entry,
      producerName: names.producers.get(entry.subjectId),
      productName: entry.productId ? names.products.get(entry.productId) : undefined,
      state: registryState(entry, entry.lastAction, now),
      daysLeft: entry.status === 'active' ? daysLeft(entry.expiresAt, now) : undefined,
    })),
    nextCursor: page.nextCursor,
    checkedAt: now.toISOString(),
  };
}
