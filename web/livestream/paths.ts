/** Addresses of the livestream pages. */
export const LIVESTREAMS_PATH = '/livestream';
export const livePath = (id: string) => `${LIVESTREAMS_PATH}/${encodeURIComponent(id)}`;
/** The producer's lives: schedule, start, end, figures. */
export const PRODUCER_LIVES_PATH = '/co-so-cua-toi/livestream';
export const producerLiveActionPath = (id: string, action: 'start' | 'end' | 'cancel') => `${PRODUCER_LIVES_PATH}/${encodeURIComponent(id)}/${action}`;
/** Edit before the start, attach the replay after the end (the producer's page forms). */
export const producerLiveEditPath = (id: string) => `${PRODUCER_LIVES_PATH}/${encodeURIComponent(id)}/sua`;
export const producerLiveReplayPath = (id: string) => `${PRODUCER_LIVES_PATH}/${encodeURIComponent(id)}/xem-lai`;
