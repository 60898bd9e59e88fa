import { raw } from 'hono/html';
import type { Principal } from '../../shared/identity/principal';
import { COLUMNS } from '../../shared/locator/csv-columns';
import { MAX_IMPORT_ROWS, type ImportOutcome, type ImportReport } from '../../shared/locator/csv-import';
import { pointStatusLabels, pointStatuses, pointTypeLabels, pointTypes, type PointOfSale } from '../../shared/locator/point-of-sale';
import { WEEKDAYS } from '../../shared/locator/opening-hours';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { provinces } from '../../shared/reference/provinces';
import { ErrorSummary, Field, FieldError, fieldId, type FormState } from '../components/form/form';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import { ConsoleNav } from '../registry/console-nav';
import { consoleCss } from '../registry/console-styles';
import type { AssetUrls } from '../view';
import { declarationDecisionPath, deletePointPath, editPointPath, NEW_POINT_PATH, POINTS_CONSOLE_PATH, POINTS_EXPORT_PATH, POINTS_IMPORT_PATH, withProvince } from './console-paths';
import { FORM_FIELDS, formHints, formLabels } from './console-form';
import { pointPath } from './paths';
import type { Declaration } from '../../shared/locator/declarations';

type Manager = Extract<Principal, { role: 'officer' | 'admin' }>;

function Shell({ assets, principal, title, children }: { assets: AssetUrls; principal: Manager; title: string; children: unknown }) {
  return (
    <Layout title={title} description="Quản lý điểm bán sản phẩm OCOP của tỉnh" assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <h1>{title}</h1>
        <ConsoleNav principal={principal} current="points" />
        {children as never}
      </div>
    </Layout>
  );
}

/** An admin picks the province; an officer has only theirs. */
function ProvinceChooser({ principal, province, action }: { principal: Manager; province: string | undefined; action: string }) {
  if (principal.role !== 'admin') return null;
  return (
    <form class="console-filter" method="get" action={action}>
      <label for="truong-province">Tỉnh, thành phố</label>
      <select id="truong-province" name="province">
        <option value="">— chọn —</option>
        {provinces.map((p) => (
          <option value={p.code} selected={p.code === province}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        Xem
      </button>
    </form>
  );
}

export function PointsConsolePage({ assets, principal, province, points, notice, declarations = [] }: { assets: AssetUrls; principal: Manager; province: string | undefined; points: PointOfSale[]; notice?: string | undefined; declarations?: Declaration[] }) {
  const name = province ? provinceLabelByCode(province) : undefined;
  return (
    <Shell assets={assets} principal={principal} title={`Điểm bán OCOP${name ? ` — ${name}` : ''}`}>
      <ProvinceChooser principal={principal} province={province} action={POINTS_CONSOLE_PATH} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {province ? (
        <>
          <p class="pos-console-actions">
            <a href={withProvince(NEW_POINT_PATH, province)}>Thêm điểm bán</a> · <a href={withProvince(POINTS_IMPORT_PATH, province)}>Nhập từ CSV</a> ·{' '}
            <a href={withProvince(POINTS_EXPORT_PATH, province)} download>
              Tải CSV ({points.length} điểm)
            </a>
          </p>
          {points.length === 0 ? (
            <p>Tỉnh chưa có điểm bán nào.</p>
          ) : (
            <div class="table-wrap">
              <table class="console-table">
                <caption class="sr-only">Các điểm bán OCOP của tỉnh</caption>
                <thead>
                  <tr>
                    <th scope="col">Tên</th>
                    <th scope="col">Loại</th>
                    <th scope="col">Địa chỉ</th>
                    <th scope="col">Trạng thái</th>
                    <th scope="col">Mã</th>
                    <th scope="col">Thao tác</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr>
                      <th scope="row">
                        <a href={pointPath(p.id)}>{p.name}</a>
                      </th>
                      <td>{pointTypeLabels[p.type]}</td>
                      <td>
                        {p.street}, {p.commune}
                      </td>
                      <td>{pointStatusLabels[p.status]}</td>
                      <td>{p.importKey ?? '—'}</td>
                      <td>
                        <a href={editPointPath(p.id)}>
                          Sửa<span class="sr-only"> {p.name}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <section aria-labelledby="khai-bao">
            <h2 id="khai-bao">Cơ sở khai báo bán tại điểm (chờ xác nhận)</h2>
            {declarations.length === 0 ? (
              <p>Không có khai báo nào đang chờ.</p>
            ) : (
              <ul>
                {declarations.map((d) => (
                  <li data-declaration={`${d.pointId}/${d.producerId}`}>
                    Cơ sở <strong>{d.producerId}</strong> bán tại <a href={pointPath(d.pointId)}>{d.pointName}</a>: {d.productIds.length ? `sản phẩm ${d.productIds.join(', ')}` : 'cả gian hàng'}.
                    <form method="post" action={declarationDecisionPath(d.pointId, d.producerId)} class="inline-form">
                      <button type="submit" name="decision" value="confirm">
                        Xác nhận<span class="sr-only"> {d.producerId} tại {d.pointName}</span>
                      </button>{' '}
                      <button type="submit" name="decision" value="reject" class="secondary">
                        Từ chối<span class="sr-only"> {d.producerId} tại {d.pointName}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <p>Chọn tỉnh, thành phố để xem các điểm bán.</p>
      )}
    </Shell>
  );
}

const selectOptions = { type: pointTypes.map((t) => ({ value: t, label: pointTypeLabels[t] })), status: pointStatuses.map((s) => ({ value: s, label: pointStatusLabels[s] })) };

function Select({ name, state }: { name: 'type' | 'status'; state: FormState }) {
  const id = fieldId(name);
  const error = state.errors[name];
  return (
    <div class="field">
      <label for={id}>{formLabels[name]}</label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-loi` : undefined}>
        {selectOptions[name].map((o) => (
          <option value={o.value} selected={state.values[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} state={state} />
    </div>
  );
}

/** Create or edit: the CSV's columns as fields; hours as an OSM string or per weekday. */
export function PointFormPage({ assets, principal, province, state, point }: { assets: AssetUrls; principal: Manager; province: string; state: FormState; point?: PointOfSale | undefined }) {
  const action = point ? editPointPath(point.id) : withProvince(NEW_POINT_PATH, province);
  const text = (name: (typeof FORM_FIELDS)[number], required = true) => (
    <Field name={name} label={formLabels[name]} hint={formHints[name]} state={state} autocomplete="off" required={required} />
  );
  return (
    <Shell assets={assets} principal={principal} title={point ? `Sửa điểm bán: ${point.name}` : `Thêm điểm bán — ${provinceLabelByCode(province)}`}>
      <form method="post" action={action} novalidate aria-label={point ? 'Sửa điểm bán' : 'Thêm điểm bán'}>
        <ErrorSummary state={state} labels={formLabels} />
        {text('name')}
        <Select name="type" state={state} />
        {text('commune')}
        {text('street')}
        {text('lat')}
        {text('lng')}
        <fieldset>
          <legend>Giờ mở cửa (giờ Việt Nam)</legend>
          {text('osm', false)}
          <p class="hint">Hoặc ghi giờ từng ngày (để trống chuỗi OSM ở trên):</p>
          {WEEKDAYS.map((d) => text(d, false))}
          {text('closures', false)}
        </fieldset>
        {text('phone', false)}
        <Select name="status" state={state} />
        {text('productIds', false)}
        {text('producerIds', false)}
        <div>
          <button type="submit">{point ? 'Lưu thay đổi' : 'Thêm điểm bán'}</button>
        </div>
      </form>
      {point ? (
        <form method="post" action={deletePointPath(point.id)} aria-label="Xoá điểm bán">
          <p class="hint">Xoá hẳn điểm bán khỏi bản đồ. Muốn giữ mà báo đã đóng cửa thì chọn trạng thái “{pointStatusLabels.closed}”.</p>
          <button type="submit" class="secondary">
            Xoá điểm bán {point.name}
          </button>
        </form>
      ) : null}
      <p>
        <a href={withProvince(POINTS_CONSOLE_PATH, province)}>← Danh sách điểm bán</a>
      </p>
    </Shell>
  );
}

const outcomeLabels: Record<ImportOutcome, string> = {
  created: 'Đã tạo',
  updated: 'Đã cập nhật',
  unchanged: 'Không đổi',
  'would-create': 'Sẽ tạo',
  'would-update': 'Sẽ cập nhật',
  error: 'Lỗi',
};

export function ImportReportTable({ report }: { report: ImportReport }) {
  return (
    <div class="table-wrap">
      <table class="console-table" aria-describedby="ket-qua-nhap">
        <thead>
          <tr>
            <th scope="col">Dòng</th>
            <th scope="col">Mã</th>
            <th scope="col">Tên</th>
            <th scope="col">Kết quả</th>
            <th scope="col">Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr data-outcome={r.outcome}>
              <td>{r.line}</td>
              <td>{r.key ?? '—'}</td>
              <td>{r.name ?? '—'}</td>
              <td>{outcomeLabels[r.outcome]}</td>
              <td>{(r.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Upload → dry-run report → confirm (the same text goes back in a hidden field) → the real run's report. */
export function PointsImportPage(props: { assets: AssetUrls; principal: Manager; province: string | undefined; report?: ImportReport | undefined; csv?: string | undefined; error?: string | undefined }) {
  const { report } = props;
  const summary = report
    ? (Object.entries(report.counts) as [ImportOutcome, number][])
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${outcomeLabels[o]}: ${n}`)
        .join(' · ')
    : '';
  const writable = report && report.dryRun && report.counts['would-create'] + report.counts['would-update'] > 0;
  return (
    <Shell assets={props.assets} principal={props.principal} title="Nhập điểm bán từ CSV">
      {props.error ? (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <h2>{props.error}</h2>
        </div>
      ) : null}
      {report ? (
        <section aria-labelledby="ket-qua-nhap">
          <h2 id="ket-qua-nhap" tabindex={-1} autofocus>
            {report.dryRun ? 'Kết quả chạy thử (chưa ghi gì)' : 'Kết quả nhập'} — {summary}
          </h2>
          <ImportReportTable report={report} />
          {writable ? (
            <form method="post" action={withProvince(POINTS_IMPORT_PATH, props.province)}>
              <input type="hidden" name="csvText" value={props.csv ?? ''} />
              <input type="hidden" name="dryRun" value="0" />
              <p class="hint">Các dòng lỗi sẽ bị bỏ qua; các dòng khác được ghi, mỗi dòng trọn vẹn hoặc không ghi gì.</p>
              <button type="submit">Xác nhận nhập {report.counts['would-create'] + report.counts['would-update']} dòng</button>
            </form>
          ) : null}
        </section>
      ) : null}
      <form method="post" action={withProvince(POINTS_IMPORT_PATH, props.province)} enctype="multipart/form-data">
        <h2>Tải tệp lên</h2>
        <p class="hint">
          Tệp CSV mã UTF-8 (dấu phẩy hoặc chấm phẩy), dòng đầu là tên cột: <code>{COLUMNS.map((c) => c.header).join(' | ')}</code>. Bắt buộc:{' '}
          {COLUMNS.filter((c) => c.required)
            .map((c) => c.header)
            .join(', ')}
          . Tối đa {MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng, 1 MB. Cột “Mã” giữ cho mỗi điểm một mã cố định: nhập lại cùng tệp không tạo bản trùng. Tệp tải về từ
          danh sách có đúng các cột này.
        </p>
        <div class="field">
          <label for="truong-csvFile">Tệp CSV</label>
          <input id="truong-csvFile" name="csvFile" type="file" accept=".csv,text/csv" />
        </div>
        <div class="field">
          <label for="truong-csvText">Hoặc dán nội dung CSV (không bắt buộc)</label>
          <textarea id="truong-csvText" name="csvText" rows={6}></textarea>
        </div>
        <input type="hidden" name="dryRun" value="1" />
        <div>
          <button type="submit">Chạy thử</button>
        </div>
      </form>
      <p>
        <a href={withProvince(POINTS_CONSOLE_PATH, props.province)}>← Danh sách điểm bán</a>
      </p>
    </Shell>
  );
}
