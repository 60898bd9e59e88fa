/**
 * A synthetic but valid catalogue for the bench: deterministic (seeded) so two runs read the same
 * partitions, and dated relative to `now` so every "valid" certificate really is valid today.
 */
import { ProductSchema, type Product } from '../shared/catalog/product';
import { provinceLabelByCode } from '../shared/reference/labels';
import { provinceCodes } from '../shared/reference/provinces';
import { productGroups } from '../shared/reference/taxonomy';
import { certificateExpiresAt, certificateExpiresOn } from '../shared/registry/certificate-expiry';
import type { CertificateSnapshot } from '../shared/registry/certificate';
import { legalForms, type LegalForm } from '../shared/storefront/producer';

export interface DatasetSpec {
  listed: number;
  producers: number;
  /** Listing items present but the certificate lapsed: the list filter and the gate must drop them. */
  expired: number;
  /** A 2★ result is not a certificate: product item only, never a listing item. */
  twoStar: number;
  seed: number;
}

export const defaultSpec: DatasetSpec = { listed: 20_000, producers: 2_000, expired: 300, twoStar: 200, seed: 20260123 };

export interface Dataset {
  products: Product[];
  listedIds: string[];
  gatedIds: string[];
  byGroup: Record<string, number>;
  byProvince: Record<string, number>;
  byStars: Record<string, number>;
  subgroupsUsed: number;
}

/** mulberry32: tiny, fast, good enough to spread synthetic data evenly. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick };
}

// Weighted like the real programme: food dominates, tourism is rare.
const groupWeights: Record<string, number> = { food: 45, drinks: 12, herbal: 15, handicraft: 15, ornamental: 8, tourism: 5 };
// Most certificates are 3★; 5★ (national level) are a few per cent.
const starWeights: [number, number][] = [
  [3, 60],
  [4, 36],
  [5, 4],
];

function weighted<T>(r: ReturnType<typeof rng>, entries: [T, number][]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

const legalPrefix: Record<LegalForm, string> = {
  enterprise: 'Công ty TNHH',
  cooperative: 'HTX',
  cooperative_group: 'Tổ hợp tác',
  household_business: 'Hộ kinh doanh',
};
const placeWords = ['Hòa Bình', 'An Phú', 'Tân Lập', 'Phú Quốc', 'Bến Tre', 'Mộc Châu', 'Tà Xùa', 'Đồng Tháp', 'Sơn Tây', 'Vĩnh Hảo', 'Ngọc Linh', 'Thái Hòa'];
const productWords = ['Nước mắm', 'Trà shan tuyết', 'Cà phê', 'Mật ong', 'Kẹo dừa', 'Gạo thơm', 'Rượu cần', 'Nón lá', 'Gốm', 'Tinh dầu sả', 'Lan rừng', 'Bánh tráng', 'Miến dong', 'Chè'];
const units = ['chai 500 ml', 'hộp 250 g', 'túi 1 kg', 'gói 500 g', 'chiếc', 'bộ', 'vé', 'chậu'];

const dayMs = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function buildDataset(now: Date, spec: DatasetSpec = defaultSpec): Dataset {
  const r = rng(spec.seed);
  const groups = productGroups.map((g) => [g, groupWeights[g.code] ?? 1] as [(typeof productGroups)[number], number]);
  const producers = Array.from({ length: spec.producers }, (_, i) => {
    const legalForm = legalForms[i % legalForms.length] as LegalForm;
    const provinceCode = provinceCodes[i % provinceCodes.length] as string;
    const place = r.pick(placeWords);
    return {
      id: `nsx-${String(i).padStart(4, '0')}`,
      name: `${legalPrefix[legalForm]} ${place} ${i}`,
      legalForm,
      provinceCode,
      commune: `xã ${place}`,
    };
  });

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const products: Product[] = [];
  const listedIds: string[] = [];
  const gatedIds: string[] = [];
  const total = spec.listed + spec.expired + spec.twoStar;

  for (let i = 0; i < total; i++) {
    const kind = i < spec.listed ? 'listed' : i < spec.listed + spec.expired ? 'expired' : 'twoStar';
    const producer = producers[r.int(0, producers.length - 1)]!;
    const group = weighted(r, groups);
    const subgroup = r.pick(group.subgroups);
    const stars = kind === 'twoStar' ? 2 : weighted(r, starWeights);
    // 36-month validity: a decision 1–1,030 days old is valid for ≥ 2 months more (nothing lapses mid-run);
    // 1,110–1,800 days old lapsed at least two weeks ago.
    const ageDays = kind === 'expired' ? r.int(1110, 1800) : r.int(1, 1030);
    const decisionDate = isoDay(today - ageDays * dayMs);
    const expiresOn = certificateExpiresOn(decisionDate);
    const central = stars === 5;
    const certificate: CertificateSnapshot = {
      certificateNo: `OCOP-${producer.provinceCode}-${decisionDate.slice(0, 4)}-${String(i).padStart(5, '0')}`,
      decisionNo: `${r.int(100, 9999)}/QĐ-${central ? 'TTg' : 'UBND'}`,
      decisionDate,
      issuingLevel: central ? 'central' : 'province',
      issuingAuthority: central ? 'Bộ Nông nghiệp và Môi trường' : `UBND ${provinceLabelByCode(producer.provinceCode)}`,
      stars,
      score: stars * 18 + r.int(0, 9),
      status: 'active',
      expiresOn,
      expiresAt: certificateExpiresAt(expiresOn),
    };
    // Spread over two years, interleaving lapsed products with valid ones so list pages meet them.
    const createdAt = new Date(today - dayMs - r.int(0, 730 * 24 * 3600) * 1000 - (i % 1000)).toISOString();
    const word = r.pick(productWords);
    const id = `sp-${String(i).padStart(5, '0')}-${r.int(0, 0xffff).toString(16).padStart(4, '0')}`;
    const name = `${word} ${producer.commune.replace('xã ', '')} ${i}`;
    const product: Product = {
      id,
      slug: id,
      name,
      description:
        `${name} do ${producer.name} sản xuất theo quy trình truyền thống, đạt OCOP ${stars} sao. ` +
        'Nguyên liệu chọn lọc tại địa phương, không chất bảo quản, đóng gói theo tiêu chuẩn an toàn thực phẩm. ' +
        'Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.',
      producerId: producer.id,
      producerName: producer.name,
      producerLegalForm: producer.legalForm,
      provinceCode: producer.provinceCode,
      commune: producer.commune,
      group: group.code,
      subgroup: subgroup.code,
      priceVnd: Math.round(Math.exp(Math.log(20_000) + r.next() * Math.log(250)) / 1000) * 1000,
      unit: r.pick(units),
      stock: r.int(0, 500),
      images: [{ key: `products/${id}/main`, width: 1200, height: 900, widths: [320, 640, 1200], alt: name }],
      tags: [group.code, word.toLowerCase()],
      status: 'active',
      certificate,
      createdAt,
      updatedAt: createdAt,
    };
    products.push(product);
    (kind === 'listed' ? listedIds : gatedIds).push(id);
  }

  // Validate every product against the app's own schema: the bench must not measure invalid data.
  for (const p of products) ProductSchema.parse(p);

  const count = (key: (p: Product) => string, only: Product[]) =>
    only.reduce<Record<string, number>>((acc, p) => ((acc[key(p)] = (acc[key(p)] ?? 0) + 1), acc), {});
  const listed = products.slice(0, spec.listed);
  return {
    products,
    listedIds,
    gatedIds,
    byGroup: count((p) => p.group, listed),
    byProvince: count((p) => p.provinceCode, listed),
    byStars: count((p) => String(p.certificate?.stars), listed),
    subgroupsUsed: new Set(listed.map((p) => p.subgroup)).size,
  };
}
