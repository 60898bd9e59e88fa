import { OWNER_INDEX } from '../db/owner-index';
import { foldVietnamese } from '../text/fold';
import type { CellPrecision } from './geo-cells';

/**
 * Item layout (docs/data-model.md, "Points of sale"):
 * - `POS#<id>` / `POS` — the point itself; GSI1 `POSPROV#<province>` / `<folded name>#<id>` lists a
 *   province's points for its officers.
 * - `POSCELL#<precision>#<geohash>` / `POS#<id>` — a copy per geohash precision (2–5), what a
 *   distance search reads (≤ 9 Queries, no second read).
 * - `POSLINK#P#<productId>` | `POSLINK#S#<producerId>` / `POS#<id>` — a copy per product or whole
 *   storefront it carries: the product page's "Mua trực tiếp" (2 Queries).
 */
export const POS_PREFIX = 'POS#';
export const POS_CELL_PREFIX = 'POSCELL#';
export const POS_LINK_PREFIX = 'POSLINK#';
export const POS_SK = 'POS';
export const PROVINCE_INDEX = OWNER_INDEX;

export const pointKey = (id: string) => ({ PK: `${POS_PREFIX}${id}`, SK: POS_SK });
export const cellPartition = (precision: CellPrecision, cell: string) => `${POS_CELL_PREFIX}${precision}#${cell}`;
export const productLinkPartition = (productId: string) => `${POS_LINK_PREFIX}P#${productId}`;
export const producerLinkPartition = (producerId: string) => `${POS_LINK_PREFIX}S#${producerId}`;
export const copySortKey = (id: string) => `${POS_PREFIX}${id}`;
export const provincePartition = (code: string) => `POSPROV#${code}`;
export const provinceSortKey = (name: string, id: string) => `${foldVietnamese(name).toLowerCase()}#${id}`;
