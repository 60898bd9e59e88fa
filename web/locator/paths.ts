/** Where the locator's pages live (Vietnamese URLs, like the rest of the site). */
export const POINTS_PATH = '/diem-ban';
export const pointPath = (id: string) => `${POINTS_PATH}/${encodeURIComponent(id)}`;
export const pointsNear = (q: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${POINTS_PATH}?${qs}` : POINTS_PATH;
};
/** Turn-by-turn from wherever the phone is: the maps app opens with the destination set. */
export const directionsUrl = (lat: number, lng: number) => `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;
