import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/identity/principal';
import { importCertificates, readCertificateCsv } from '../../shared/registry/csv-import';
import type { Services } from '../../shared/services';
import { createTestServices } from '../support/test-services';
import { listedIds, seedSubject } from './registry-fixtures';

const officer: Principal = {
  role: 'officer',
  provinceCode: '86',
  accountId: 'can-bo-vl',
  email: 'can-bo@thu-nghiem.vn',
  displayName: 'Cán bộ Vĩnh Long',
  session: { jti: 'x', expiresAt: 0, via: 'bearer' },
};

const header = 'certificateNo,decisionNo,decisionDate,stars,score,issuingLevel,issuingAuthority,issuerProvinceLegacyName,productGroup,subgroup,subjectId,productId';
const csv = [
  // A BOM, as Excel writes it, and Vietnamese text in decomposed form (NFD) on purpose.
  `\uFEFF${header}`,
  `CSV-1,12/QĐ-UBND,2024-03-15,4,"75,5",province,${'UBND tỉnh Trà Vinh'.normalize('NFD')},Trà Vinh,food,food-condiment,htx-csv-1,htx-csv-1-sp`,
  'CSV-2,13/QĐ-UBND,2025-08-01,3,,district,UBND huyện Càng Long,,food,food-condiment,htx-csv-2,htx-csv-2-sp',
  'CSV-3,14/QĐ-UBND,2026-02-01,4,65,province,UBND tỉnh Vĩnh Long,,food,food-condiment,htx-csv-hn,htx-csv-hn-sp',
  'CSV-4,15/QĐ-UBND,01/02/2026,4,,province,UBND tỉnh Vĩnh Long,,food,food-condiment,htx-csv-2,htx-csv-2-sp',
  'CSV-1,12/QĐ-UBND,2024-03-15,4,,province,UBND tỉnh Trà Vinh,,food,food-condiment,htx-csv-1,htx-csv-1-sp',
].join('\r\n');

describe('CSV import of certificates', () => {
  let services: Services;

  beforeAll(async () => {
    services = await createTestServices();
    await seedSubject(services, 'htx-csv-1', '86');
    await seedSubject(services, 'htx-csv-2', '86');
    await seedSubject(services, 'htx-csv-hn', '01');
  });

  it('reports every row in a dry run and writes nothing', async () => {
    const report = await importCertificates(services, officer, readCertificateCsv(csv), { dryRun: true });
    expect(report.rows.map((r) => [r.line, r.outcome, r.code ?? ''])).toEqual([
      [2, 'would-record', ''],
      [3, 'error', 'ISSUER_INCONSISTENT'],
      [4, 'error', 'NOT_PROVINCE_OFFICER'],
      [5, 'error', 'INVALID_INPUT'],
      [6, 'error', 'DUPLICATE_IN_FILE'],
    ]);
    expect(await services.certificates.getCertificate('CSV-1')).toBeUndefined();
  });

  it('records valid rows (NFC, decimal comma) and is idempotent on a rerun', async () => {
    const first = await importCertificates(services, officer, readCertificateCsv(csv), { dryRun: false });
    expect(first.counts).toEqual({ recorded: 1, 'would-record': 0, unchanged: 0, error: 4 });
    const cert = await services.certificates.getCertificate('CSV-1');
    expect(cert).toMatchObject({ issuingAuthority: 'UBND tỉnh Trà Vinh', score: 75.5, issuerProvinceCode2025: '86' });
    expect(cert?.issuingAuthority).toBe(cert?.issuingAuthority.normalize('NFC'));
    expect(await listedIds(services, 'htx-csv-1')).toEqual(['htx-csv-1-sp']);
    const again = await importCertificates(services, officer, readCertificateCsv(csv), { dryRun: false });
    expect(again.rows[0]).toMatchObject({ line: 2, outcome: 'unchanged' });
    expect(again.counts.recorded).toBe(0);
  });

  it('refuses a file whose header does not match the documented columns', () => {
    expect(() => readCertificateCsv('so,ngay\n1,2')).toThrow(expect.objectContaining({ code: 'CSV_COLUMNS' }));
  });
});
