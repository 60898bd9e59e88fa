import type { Product } from '../../shared/catalog/product';
import { certificateExpiresAt, certificateExpiresOn } from '../../shared/registry/certificate-expiry';
import type { CertificateSnapshot } from '../../shared/registry/certificate';
import type { Producer } from '../../shared/storefront/producer';

/** Small, explicit fixtures for store and API tests (the demo catalogue is tested on its own). */
export function makeProducer(over: Partial<Producer> = {}): Producer {
  return {
    id: 'htx-thu-nghiem',
    name: 'HTX Thử nghiệm',
    legalForm: 'cooperative',
    taxCode: '0312345678',
    provinceCode: '91',
    commune: 'đặc khu Phú Quốc',
    story: 'Hợp tác xã dùng cho kiểm thử.',
    phone: '+84912345678',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export function makeCertificateSnapshot(over: Partial<CertificateSnapshot> & { decisionDate?: string } = {}): CertificateSnapshot {
  const decisionDate = over.decisionDate ?? '2025-09-01';
  const expiresOn = certificateExpiresOn(decisionDate);
  return {
    certificateNo: `CN-${decisionDate}`,
    decisionNo: '1234/QĐ-UBND',
    decisionDate,
    issuingLevel: 'province',
    issuingAuthority: 'UBND tỉnh An Giang',
    stars: 4,
    status: 'active',
    expiresOn,
    expiresAt: certificateExpiresAt(expiresOn),
    ...over,
  };
}

let counter = 0;
export function makeProduct(over: Partial<Product> = {}): Product {
  counter++;
  const id = over.id ?? `san-pham-${String(counter).padStart(4, '0')}`;
  const createdAt = over.createdAt ?? new Date(Date.UTC(2026, 0, 1) + counter * 60_000).toISOString();
  return {
    id,
    slug: id,
    name: `Sản phẩm ${counter}`,
    description: 'Mô tả',
    producerId: 'htx-thu-nghiem',
    producerName: 'HTX Thử nghiệm',
    producerLegalForm: 'cooperative',
    provinceCode: '91',
    commune: 'đặc khu Phú Quốc',
    group: 'food',
    subgroup: 'food-condiment',
    priceVnd: 100_000,
    unit: 'chai 500 ml',
    stock: 10,
    images: [],
    tags: [],
    status: 'active',
    certificate: makeCertificateSnapshot(),
    createdAt,
    updatedAt: createdAt,
    ...over,
  };
}
