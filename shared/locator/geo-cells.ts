import geohash from 'ngeohash';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance, km. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Each point is filed under its geohash cell at these precisions (one small item per precision). A
 * search picks the finest precision whose cells are at least as wide as the radius: then the circle
 * around any point of the centre cell lies inside that cell and its 8 neighbours — 9 Queries at most.
 */
export const CELL_PRECISIONS = [2, 3, 4, 5] as const;
export type CellPrecision = (typeof CELL_PRECISIONS)[number];

/** The smaller side of a geohash cell, km (its width shrinks with the latitude). */
function cellMinSideKm(hash: string): number {
  const [south, west, north, east] = geohash.decode_bbox(hash);
  const height = haversineKm(south, west, north, west);
  // The narrower edge of the cell is the one farther from the equator.
  const edgeLat = Math.abs(south) > Math.abs(north) ? south : north;
  const width = haversineKm(edgeLat, west, edgeLat, east);
  return Math.min(height, width);
}

export function cellsOf(lat: number, lng: number): { precision: CellPrecision; cell: string }[] {
  return CELL_PRECISIONS.map((precision) => ({ precision, cell: geohash.encode(lat, lng, precision) }));
}

/** The cells to read for a circle: the centre cell and its neighbours at the chosen precision. */
export function cellsToSearch(lat: number, lng: number, radiusKm: number): { precision: CellPrecision; cells: string[] } {
  const finestFirst = [...CELL_PRECISIONS].reverse();
  const precision = finestFirst.find((p) => cellMinSideKm(geohash.encode(lat, lng, p)) >= radiusKm) ?? CELL_PRECISIONS[0];
  const centre = geohash.encode(lat, lng, precision);
  return { precision, cells: [...new Set([centre, ...geohash.neighbors(centre)])] };
}
