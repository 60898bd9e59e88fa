/** Key layout of storefronts (OCOP subjects) in the single table (docs/data-model.md). */
export const PRODUCER_PREFIX = 'PRODUCER#';

export const producerKey = (id: string) => ({ PK: `${PRODUCER_PREFIX}${id}`, SK: 'PROFILE' });
