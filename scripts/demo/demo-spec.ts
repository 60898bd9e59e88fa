import type { LegalForm } from '../../shared/storefront/producer';

/** A demo OCOP subject as written by hand: the Producer plus what its old certificates need. */
export interface DemoProducerSpec {
  /** Handle the product specs use; never stored. */
  key: string;
  name: string;
  legalForm: LegalForm;
  /** 2025 province code. */
  provinceCode: string;
  /** Commune-level unit after 01/07/2025 with its type: "xã …", "phường …", "đặc khu …". */
  commune: string;
  addressLine: string;
  story: string;
  /** Province before the 2025 merger: issuer of certificates signed before 01/07/2025. */
  legacyProvince: string;
  /** District-level unit before 01/07/2025 ("huyện Kim Sơn"): issuer of 3★ under 148/QĐ-TTg. */
  legacyDistrict: string;
}

export interface DemoCertificateSpec {
  stars: 1 | 2 | 3 | 4 | 5;
  /** Age of the decision: months before `now` (plus a few stable days of jitter unless `exact`). */
  monthsAgo: number;
  exact?: boolean;
  /** The decision must predate the merger whatever `now` is (a certificate from an abolished issuer). */
  beforeMerger?: boolean;
  revokedMonthsAgo?: number;
}

export interface DemoProductSpec {
  name: string;
  producer: string;
  subgroup: string;
  priceVnd: number;
  unit: string;
  stock: number;
  tags: string[];
  description: string;
  cert: DemoCertificateSpec;
  /**
   * Other sizes sold beside the one above: the product then has variants (the one above, labelled
   * with its `unit`, first), and its price, unit and stock are derived from them (shared/catalog/variants.ts).
   */
  moreVariants?: Array<{ label: string; priceVnd: number; stock: number }>;
}

/** Names of the records tests and docs point at; their ids follow from the names. */
export const NOTABLE_NAMES = {
  listedFiveStar: 'Nước mắm Phú Quốc 40 độ đạm',
  traVinhLegacy: 'Cốm dẹp Ba So Trà Vinh',
  twoStar: 'Bánh tét lá cẩm Trà Cú',
  expired: 'Miến dong Bình Liêu',
  revoked: 'Nem Lai Vung',
  someProducer: 'Công ty TNHH Nước mắm Hải Âu Phú Quốc',
} as const;
