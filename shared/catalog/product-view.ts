import { z } from '@hono/zod-openapi';
import { issuerLabel, provinceLabelByCode } from '../reference/labels';
import { provinceByCode } from '../reference/provinces';
import { groupByCodeOrUndefined, subgroupByCode } from '../reference/taxonomy';
import { formatVietnamDate } from '../time/vietnam-time';
import { ProductSchema, type Product } from './product';

export const issuingLevelLabels = { district: 'Cấp huyện', province: 'Cấp tỉnh', central: 'Cấp trung ương' } as const;

/** A listed product plus the display facts both the API and the pages show. */
export const ProductViewSchema = z
  .object({
    product: ProductSchema,
    origin: z.object({
      provinceCode: z.string(),
      provinceName: z.string(),
      commune: z.string(),
      label: z.string().openapi({ example: 'Sản phẩm của đặc khu Phú Quốc, tỉnh An Giang' }),
    }),
    classification: z.object({ groupName: z.string(), subgroupName: z.string() }),
    certification: z.object({
      certificateNo: z.string(),
      stars: z.number().int(),
      issuingLevelLabel: z.string(),
      issuerLabel: z.string().openapi({ example: 'UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)' }),
      decisionNo: z.string(),
      decisionDateLabel: z.string(),
      expiresOn: z.string(),
      expiresOnLabel: z.string(),
    }),
  })
  .openapi('ProductView');
export type ProductView = z.infer<typeof ProductViewSchema>;

export function viewOf(product: Product): ProductView {
  const cert = product.certificate;
  if (!cert) throw new Error(`Product ${product.id} has no certificate`);
  const province = provinceByCode(product.provinceCode);
  const provinceText = provinceLabelByCode(product.provinceCode);
  return {
    product,
    origin: {
      provinceCode: product.provinceCode,
      provinceName: province?.name ?? product.provinceCode,
      commune: product.commune,
      label: `Sản phẩm của ${product.commune}, ${provinceText}`,
    },
    classification: {
      groupName: groupByCodeOrUndefined(product.group)?.name ?? product.group,
      subgroupName: subgroupByCode(product.subgroup)?.subgroup.name ?? product.subgroup,
    },
    certification: {
      certificateNo: cert.certificateNo,
      stars: cert.stars,
      issuingLevelLabel: issuingLevelLabels[cert.issuingLevel],
      issuerLabel: issuerLabel(cert.issuingAuthority, cert.issuerProvinceLegacyName),
      decisionNo: cert.decisionNo,
      decisionDateLabel: formatVietnamDate(`${cert.decisionDate}T12:00:00+07:00`),
      expiresOn: cert.expiresOn,
      expiresOnLabel: formatVietnamDate(`${cert.expiresOn}T12:00:00+07:00`),
    },
  };
}
