/**
 * Key layout of the evaluation (docs/evaluation.md). Everything lives under `EVAL#`: one partition
 * per round (the round, its council, its log), one per dossier (the dossier, its versions, its
 * council scores), one for the stored score sheets, one pointer partition per producer.
 */
export const EVAL_PREFIX = 'EVAL#';

export const SHEETS_PARTITION = `${EVAL_PREFIX}SHEETS`;
export const sheetKey = (id: string) => ({ PK: SHEETS_PARTITION, SK: `SHEET#${id}` });

export const roundPartition = (id: string) => `${EVAL_PREFIX}ROUND#${id}`;
export const roundKey = (id: string) => ({ PK: roundPartition(id), SK: 'ROUND' });
export const roundLogKey = (id: string, at: string, seq: string) => ({ PK: roundPartition(id), SK: `LOG#${at}#${seq}` });
export const roundProductKey = (roundId: string, productId: string) => ({ PK: roundPartition(roundId), SK: `PRODUCT#${productId}` });
export const memberKey = (roundId: string, accountId: string) => ({ PK: roundPartition(roundId), SK: `MEMBER#${accountId}` });

export const dossierPartition = (id: string) => `${EVAL_PREFIX}DOSSIER#${id}`;
export const dossierKey = (id: string) => ({ PK: dossierPartition(id), SK: 'DOSSIER' });
export const dossierVersionKey = (id: string, version: number) => ({ PK: dossierPartition(id), SK: `VERSION#${String(version).padStart(4, '0')}` });
export const scoreKey = (dossierId: string, accountId: string) => ({ PK: dossierPartition(dossierId), SK: `SCORE#${accountId}` });

export const producerDossierKey = (producerId: string, dossierId: string) => ({ PK: `${EVAL_PREFIX}PRODUCER#${producerId}`, SK: `DOSSIER#${dossierId}` });

// --- owner index (GSI1) partitions ---------------------------------------------------------------
/** A province's rounds, newest first. */
export const provinceRoundsPartition = (provinceCode: string) => `${EVAL_PREFIX}PROVINCE#${provinceCode}`;
/** A round's dossiers, in order of submission. */
export const roundDossiersPartition = (roundId: string) => `${EVAL_PREFIX}ROUNDDOSSIERS#${roundId}`;
/** The rounds an account sits on the council of. */
export const councilPartition = (accountId: string) => `${EVAL_PREFIX}COUNCIL#${accountId}`;
