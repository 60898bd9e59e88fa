import { NotFound } from '../http/errors';
import type { Services } from '../services';
import { verificationOf, type Verification } from './verification';

/** Certificate, subject and the subject's products carrying it: three reads, run two at a time. */
export async function verifyCertificate(services: Pick<Services, 'certificates' | 'producers' | 'registry' | 'clock'>, no: string): Promise<Verification> {
  const cert = await services.certificates.getCertificate(no);
  if (!cert) throw new NotFound(`Không tìm thấy chứng nhận số ${no}`, 'CERTIFICATE_NOT_FOUND');
  const [producer, products] = await Promise.all([services.producers.getProducer(cert.subjectId), services.registry.productsCarrying(cert.subjectId, no)]);
  return verificationOf(cert, producer, products, services.clock.now());
}
