import type { Certificate } from '../../shared/registry/certificate';
import type { Services } from '../../shared/services';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';

/** A certificate recorded straight through the store, as the registry would, for `subjectId`. */
export async function recordCertificate(services: Services, subjectId: string, over: Partial<Certificate> = {}): Promise<Certificate> {
  const snapshot = makeCertificateSnapshot({ certificateNo: `CN-${subjectId}-${Math.random().toString(36).slice(2, 8)}`, decisionDate: '2026-03-01' });
  const cert: Certificate = { ...snapshot, productGroup: 'food', subgroup: 'food-condiment', subjectId, ...over };
  await services.certificates.createCertificate(cert);
  return cert;
}
