import type { Principal } from '../../shared/identity/principal';
import { recordCertificate } from '../../shared/registry/service';
import type { MatrixContext } from '../authz/matrix-context';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';

/**
 * Registry routes are object-level on the SUBJECT's province, and the matrix's producerA lives
 * elsewhere: each case gets its own subject in provinceX, so officerX is the one allowed through.
 */
export async function subjectInProvinceX(ctx: MatrixContext) {
  const id = `htx-ma-tran-${ctx.unique()}`;
  await ctx.services.producers.createProducer(makeProducer({ id, name: `HTX ${id}`, provinceCode: ctx.fixtures.provinceX }));
  const product = makeProduct({ id: `${id}-sp`, producerId: id, provinceCode: ctx.fixtures.provinceX, certificate: undefined });
  await ctx.services.catalog.saveProduct(product);
  return { subjectId: id, productId: product.id, certificateNo: `CN-${id}` };
}

export async function recordBodyInProvinceX(ctx: MatrixContext) {
  const { subjectId, productId, certificateNo } = await subjectInProvinceX(ctx);
  return {
    certificateNo,
    decisionNo: '12/QĐ-UBND',
    decisionDate: '2026-01-10',
    stars: 4,
    score: 75,
    issuingLevel: 'province',
    issuingAuthority: 'UBND thành phố Hà Nội',
    issuerProvinceCode2025: ctx.fixtures.provinceX,
    productGroup: 'food',
    subgroup: 'food-condiment',
    subjectId,
    productId,
  };
}

const setupAdmin: Principal = {
  role: 'admin',
  accountId: 'matrix-setup',
  email: 'matrix-setup@thu-nghiem.vn',
  displayName: 'Matrix setup',
  session: { jti: 'matrix-setup', expiresAt: 0, via: 'bearer' },
};

/** A recorded 4★ certificate of a provinceX subject; returns its number. */
export async function certificateInProvinceX(ctx: MatrixContext): Promise<string> {
  const body = await recordBodyInProvinceX(ctx);
  await recordCertificate(ctx.services, setupAdmin, body as Parameters<typeof recordCertificate>[2]);
  return body.certificateNo;
}
