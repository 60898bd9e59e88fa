import { ownerPartition } from '../db/owner-index';
import { producerKey } from './keys';
import type { Producer } from './producer';

/** The one shape of a producer's profile item, whoever writes it (storefront edits, onboarding approval). */
export function producerItem(producer: Producer) {
  return { ...producerKey(producer.id), GSI1PK: ownerPartition(producer.id), GSI1SK: '#PROFILE', type: 'Producer', ...producer };
}
