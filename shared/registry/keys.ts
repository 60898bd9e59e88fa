/** Key layout of the OCOP registry in the single table (docs/data-model.md, docs/registry.md). */
export const CERTIFICATE_PREFIX = 'CERT#';

export const certificateKey = (certificateNo: string) => ({ PK: `${CERTIFICATE_PREFIX}${certificateNo}`, SK: 'CERT' });
