import { InvalidInput } from '../http/errors';
import { assertOfficerOf } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import { toCsv } from '../text/csv';
import { exportHeader, rowOf } from './csv-columns';
import type { LocatorServices } from './service';

/** The province whose points an officer or admin manages here: the officer's own by default; an admin names one. */
export function managedProvince(principal: Principal, asked: string | undefined): string {
  const province = asked ?? (principal.role === 'officer' ? principal.provinceCode : undefined);
  if (!province) throw new InvalidInput('Chọn tỉnh, thành phố (province)', 'INVALID_INPUT', [{ path: 'province', message: 'Required' }]);
  assertOfficerOf(principal, province, { orAdmin: true });
  return province;
}

/** A province's points as the import's CSV (1 paginated Query on the province index), ordered by their Mã. */
export async function exportProvinceCsv(s: Pick<LocatorServices, 'points'>, principal: Principal, asked: string | undefined): Promise<{ csv: string; fileName: string }> {
  const province = managedProvince(principal, asked);
  const points = (await s.points.inProvince(province)).sort((a, b) => (a.importKey ?? a.id).localeCompare(b.importKey ?? b.id));
  return { csv: toCsv(exportHeader(), points.map(rowOf)), fileName: `diem-ban-ocop-${province}.csv` };
}

export const csvDownloadHeaders = (fileName: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${fileName}"`,
  'Cache-Control': 'no-store',
});
