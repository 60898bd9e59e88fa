/** The evaluation's pages: the officers' and council's console, and the producer's "Hồ sơ OCOP". */
export const ROUNDS_PATH = '/quan-ly/danh-gia';
export const roundPath = (id: string) => `${ROUNDS_PATH}/${encodeURIComponent(id)}`;
export const consoleDossierPath = (id: string) => `${ROUNDS_PATH}/ho-so/${encodeURIComponent(id)}`;
export const PRODUCER_DOSSIERS_PATH = '/co-so-cua-toi/ho-so-ocop';
export const producerDossierPath = (id: string) => `${PRODUCER_DOSSIERS_PATH}/${encodeURIComponent(id)}`;
export const documentPath = (dossierId: string, docId: string) => `/api/dossiers/${encodeURIComponent(dossierId)}/documents/${encodeURIComponent(docId)}`;
