import type { Product } from '../../shared/catalog/product';
import type { Producer } from '../../shared/storefront/producer';
import { makeCertificateSnapshot, makeProduct, makeProducer } from '../support/catalog-fixtures';

/** Query time for the search unit tests: every fixture certificate (decided 2025-09-01) is valid. */
export const NOW = new Date('2026-11-23T03:00:00Z');

type Spec = Partial<Product> & { id: string; name: string };

const producers: Producer[] = [
  makeProducer({ id: 'htx-ca-com-ham-ninh', name: 'HTX Cá cơm Hàm Ninh', provinceCode: '91', commune: 'đặc khu Phú Quốc', story: 'Nhà thùng ủ chượp cá cơm trên đảo.' }),
  makeProducer({ id: 'htx-che-suoi-giang', name: 'HTX Chè Suối Giàng', provinceCode: '15', commune: 'xã Suối Giàng', story: 'Chè Shan tuyết cổ thụ trên núi cao.' }),
  makeProducer({ id: 'cty-mat-ong-ba-vi', name: 'Công ty Mật ong Ba Vì', legalForm: 'enterprise', provinceCode: '01', commune: 'xã Ba Vì', story: 'Nuôi ong lấy mật hoa nhãn.' }),
  makeProducer({ id: 'co-so-keo-dua-thanh-long', name: 'Cơ sở Kẹo dừa Thanh Long', legalForm: 'household_business', provinceCode: '86', commune: 'phường An Hội', story: 'Kẹo dừa làm thủ công ở Bến Tre.' }),
  makeProducer({ id: 'htx-mam-xoi-sa-pa', name: 'HTX Mâm xôi Sa Pa', provinceCode: '15', commune: 'phường Sa Pa', story: 'Trồng mâm xôi trên núi.' }),
];

function product(spec: Spec): Product {
  const producer = producers.find((p) => p.id === spec.producerId) ?? producers[0]!;
  return makeProduct({
    producerId: producer.id,
    producerName: producer.name,
    producerLegalForm: producer.legalForm,
    provinceCode: producer.provinceCode,
    commune: producer.commune,
    ...spec,
  });
}

export function fixtureProducers(): Producer[] {
  return producers.map((p) => ({ ...p }));
}

/** A small catalogue shaped to exercise each ranking rule; ids say what each product is for. */
export function fixtureProducts(): Product[] {
  return [
    product({
      id: 'nuoc-mam-phu-quoc-40n',
      name: 'Nước mắm Phú Quốc 40 độ đạm',
      description: 'Nước mắm nhĩ cá cơm, ủ chượp 12 tháng trong thùng gỗ.',
      producerId: 'htx-ca-com-ham-ninh',
      subgroup: 'food-condiment',
      tags: ['nước mắm', 'cá cơm'],
      priceVnd: 150_000,
      certificate: makeCertificateSnapshot({ stars: 5, certificateNo: 'CN-NM-1' }),
    }),
    product({
      id: 'mam-tom-ham-ninh',
      name: 'Mắm tôm Hàm Ninh',
      description: 'Mắm tôm đặc sản, làm từ tôm tươi.',
      producerId: 'htx-ca-com-ham-ninh',
      subgroup: 'food-condiment',
      priceVnd: 60_000,
      certificate: makeCertificateSnapshot({ stars: 3, certificateNo: 'CN-MT-1' }),
    }),
    product({
      id: 'ruou-mam-xoi-sa-pa',
      name: 'Rượu mâm xôi Sa Pa',
      description: 'Rượu ngâm quả mâm xôi rừng.',
      producerId: 'htx-mam-xoi-sa-pa',
      group: 'drinks',
      subgroup: 'drinks-alcoholic',
      priceVnd: 250_000,
      certificate: makeCertificateSnapshot({ stars: 4, certificateNo: 'CN-MX-1' }),
    }),
    product({
      id: 'tra-shan-tuyet-suoi-giang',
      name: 'Trà Shan tuyết Suối Giàng',
      description: 'Búp chè Shan tuyết cổ thụ hái tay, sao thủ công.',
      producerId: 'htx-che-suoi-giang',
      subgroup: 'food-tea',
      priceVnd: 320_000,
      certificate: makeCertificateSnapshot({ stars: 4, certificateNo: 'CN-TR-1' }),
    }),
    product({
      id: 'mat-ong-hoa-nhan-ba-vi',
      name: 'Mật ong hoa nhãn Ba Vì',
      description: 'Mật ong nguyên chất từ hoa nhãn.',
      producerId: 'cty-mat-ong-ba-vi',
      subgroup: 'food-honey',
      priceVnd: 180_000,
      certificate: makeCertificateSnapshot({ stars: 4, certificateNo: 'CN-MO-1' }),
    }),
    product({
      // Same words as the honey, scattered: "mật" and "ong" never side by side in the name.
      id: 'gung-mat-ngam-ong',
      name: 'Gừng ngâm mật, đóng hũ kiểu ong thợ',
      description: 'Gừng non ngâm mật mía.',
      producerId: 'cty-mat-ong-ba-vi',
      subgroup: 'food-processed-fruit',
      priceVnd: 90_000,
      certificate: makeCertificateSnapshot({ stars: 5, certificateNo: 'CN-GM-1' }),
    }),
    product({
      id: 'keo-dua-sap-ben-tre',
      name: 'Kẹo dừa sáp',
      description: 'Kẹo dừa truyền thống xứ dừa.',
      producerId: 'co-so-keo-dua-thanh-long',
      subgroup: 'food-processed-fruit',
      priceVnd: 45_000,
      certificate: makeCertificateSnapshot({ stars: 3, certificateNo: 'CN-KD-1' }),
    }),
  ];
}
