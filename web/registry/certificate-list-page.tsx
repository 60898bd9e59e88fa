import { raw } from 'hono/html';
import type { Principal } from '../../shared/identity/principal';
import { provinceLabel, provinceLabelByCode } from '../../shared/reference/labels';
import { EXPIRING_SOON_DAYS, type ProvinceCertificateList, type ProvinceCertificateRow } from '../../shared/registry/province-certificates';
import { registryStateLabels } from '../../shared/registry/registry-state';
import { formatVietnamDate, formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { Pagination } from '../components/pagination';
import { identityCss } from '../identity/styles';
import { provincesByName, type AssetUrls } from '../view';
import { CERTIFICATES_PATH, certificatePath } from './certificate-paths';
import { CONSOLE_PATH } from './console-page';
import { ConsoleNav } from './console-nav';
import { consoleCss } from './console-styles';

export interface CertificateListProps {
  assets: AssetUrls;
  principal: Extract<Principal, { role: 'officer' | 'admin' }>;
  /** The province shown; absent while an admin has not picked one. */
  provinceCode?: string | undefined;
  expiringSoon: boolean;
  list?: ProvinceCertificateList | undefined;
  nextHref?: string | undefined;
  firstHref?: string | undefined;
}

/** A province's certificates, newest decision first: a plain GET form and links, no script needed. */
export function CertificateListPage(props: CertificateListProps) {
  const { principal, provinceCode, list } = props;
  const title = 'Chứng nhận OCOP';
  const where = provinceCode ? provinceLabelByCode(provinceCode) : undefined;
  return (
    <Layout title={where ? `${title} — ${where}` : title} description="Danh sách chứng nhận OCOP của tỉnh, thành phố" assets={props.assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <Breadcrumbs items={[{ label: 'Quản lý OCOP', href: CONSOLE_PATH }, { label: title }]} />
        <h1>
          {title}
          {where ? ` — ${where}` : ''}
        </h1>
        <ConsoleNav principal={principal} current="certificates" />
        <FilterForm admin={principal.role === 'admin'} provinceCode={provinceCode} expiringSoon={props.expiringSoon} />
        {!list ? (
          <p>Chọn tỉnh, thành phố để xem danh sách chứng nhận.</p>
        ) : list.items.length === 0 ? (
          <p>{list.expiringSoon ? `Không có chứng nhận nào hết hạn trong ${EXPIRING_SOON_DAYS} ngày tới.` : 'Chưa có chứng nhận nào.'}</p>
        ) : (
          <CertificateTable list={list} />
        )}
        <Pagination nextHref={props.nextHref} firstHref={props.firstHref} />
      </div>
    </Layout>
  );
}

function FilterForm({ admin, provinceCode, expiringSoon }: { admin: boolean; provinceCode?: string | undefined; expiringSoon: boolean }) {
  return (
    <form class="console-filter" action={CERTIFICATES_PATH} method="get">
      {admin ? (
        <div class="field">
          <label for="loc-tinh">Tỉnh, thành phố</label>
          <select id="loc-tinh" name="tinh">
            <option value="">— Chọn tỉnh, thành phố —</option>
            {provincesByName.map((p) => (
              <option value={p.code} selected={p.code === provinceCode}>
                {provinceLabel(p)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <label class="choice" for="loc-sap-het-han">
        <input id="loc-sap-het-han" type="checkbox" name="sap-het-han" value="1" checked={expiringSoon} />
        <span>Chỉ chứng nhận sắp hết hạn (≤ {EXPIRING_SOON_DAYS} ngày)</span>
      </label>
      <div>
        <button type="submit">Xem</button>
      </div>
    </form>
  );
}

function CertificateTable({ list }: { list: ProvinceCertificateList }) {
  return (
    <div class="table-wrap">
      <table class="console-table">
        <caption class="sr-only">
          Chứng nhận OCOP, quyết định mới nhất trước; tình trạng tính lúc {formatVietnamDateTime(list.checkedAt)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Số chứng nhận</th>
            <th scope="col">Chủ thể</th>
            <th scope="col">Sản phẩm</th>
            <th scope="col">Hạng</th>
            <th scope="col">Tình trạng</th>
            <th scope="col">Hiệu lực đến hết ngày</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((row) => (
            <Row row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ row }: { row: ProvinceCertificateRow }) {
  const soon = row.state === 'valid' && row.daysLeft !== undefined && row.daysLeft <= EXPIRING_SOON_DAYS;
  return (
    <tr data-certificate={row.certificateNo} data-state={row.state}>
      <th scope="row">
        <a href={certificatePath(row.certificateNo)}>{row.certificateNo}</a>
        {row.demo ? <span class="demo-tag">Dữ liệu minh họa</span> : null}
      </th>
      <td>{row.producerName ?? row.subjectId}</td>
      <td>{row.productId ? (row.productName ?? row.productId) : '—'}</td>
      <td>{row.stars} sao</td>
      <td>
        <span class={`state state-${row.state}`}>{registryStateLabels[row.state]}</span>
      </td>
      <td>
        {formatVietnamDate(row.expiresOn)}
        {soon ? <span class="soon"> (còn {row.daysLeft} ngày)</span> : null}
      </td>
    </tr>
  );
}
