/** Addresses of the fair pages. */
export const FAIRS_PATH = '/hoi-cho';
export const fairPath = (id: string) => `${FAIRS_PATH}/${encodeURIComponent(id)}`;
export const hallPath = (id: string, hallId: string) => `${fairPath(id)}/khu/${encodeURIComponent(hallId)}`;
export const boothPath = (id: string, boothNo: number) => `${fairPath(id)}/gian/${boothNo}`;
export const inquiryFormPath = (id: string, boothNo: number) => `${boothPath(id, boothNo)}/lien-he`;
/** Organisers' console. */
export const CONSOLE_FAIRS_PATH = '/quan-ly/hoi-cho';
export const consoleFairPath = (id: string) => `${CONSOLE_FAIRS_PATH}/${encodeURIComponent(id)}`;
/** Exhibitors. */
export const PRODUCER_FAIRS_PATH = '/co-so-cua-toi/hoi-cho';
