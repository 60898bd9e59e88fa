import { raw } from 'hono/html';
import { issuingLevelLabels } from '../../shared/catalog/product-view';
import type { Principal } from '../../shared/identity/principal';
import { issuerLabel, provinceLabelByCode } from '../../shared/reference/labels';
import { subgroupByCode } from '../../shared/reference/taxonomy';
import type { CertificateDetail } from '../../shared/registry/certificate-detail';
import { registryStateLabels } from '../../shared/registry/registry-state';
import type { RegistryResult } from '../../shared/registry/service';
import { EXPIRING_SOON_DAYS } from '../../shared/registry/province-certificates';
import { formatVietnamDate, formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { ErrorSummary } from '../components/form/form';
import { identityCss } from '../identity/styles';
import { producerPath, productPath, type AssetUrls } from '../view';
import { auditActionLabels, AuditTrail } from './audit-trail';
import { CERTIFICATES_PATH, evidencePath, type ChangeAction } from './certificate-paths';
import { ChangeForms, type ChangeFormStates } from './change-forms-view';
import { CONSOLE_PATH } from './console-page';
import { ConsoleNav } from './console-nav';
import { consoleCss } from './console-styles';
import { verifyPath } from './verification-url';

export interface ChangeDone {
  action: ChangeAction;
  result: RegistryResult;
}

export interface CertificateDetailProps {
  assets: AssetUrls;
  principal: Extract<Principal, { role: 'officer' | 'admin' }>;
  detail: CertificateDetail;
  forms?: ChangeFormStates | undefined;
  done?: ChangeDone | undefined;
  /** The evidence form's refusal (bad type, too large, conflict), shown inline. */
  evidenceError?: string | undefined;
  /** A file was just attached. */
  evidenceSaved?: boolean | undefined;
  /** Today in Vietnam as dd/mm/yyyy: the revocation form's default date. */
  today: string;
}

const doneTitles: Record<ChangeAction, string> = { revoke: 'Đã thu hồi chứng nhận', downgrade: 'Đã hạ hạng chứng nhận', renew: 'Đã công nhận lại chứng nhận' };

/** One certificate for its province's officer: data, products, verification + QR, the change forms, the audit trail. */
export function CertificateDetailPage({ assets, principal, detail, forms, done, evidenceError, evidenceSaved, today }: CertificateDetailProps) {
  const cert = detail.certificate;
  const title = `Chứng nhận ${cert.certificateNo}`;
  const posted = Object.values(forms ?? {})[0];
  return (
    <Layout title={title} description={`Chứng nhận OCOP số ${cert.certificateNo}`} assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <Breadcrumbs items={[{ label: 'Quản lý OCOP', href: CONSOLE_PATH }, { label: 'Chứng nhận', href: CERTIFICATES_PATH }, { label: cert.certificateNo }]} />
        <h1>{title}</h1>
        <ConsoleNav principal={principal} current="certificates" />
        {done ? <Confirmation done={done} /> : null}
        <Facts detail={detail} />
        <Products detail={detail} />
        <Evidence detail={detail} error={evidenceError} saved={evidenceSaved ?? false} />
        <section class="panel" aria-labelledby="xac-minh">
          <h2 id="xac-minh">Xác minh công khai và mã QR</h2>
          <p>
            Trang người mua thấy khi quét mã: <a href={verifyPath(cert.certificateNo)}>{verifyPath(cert.certificateNo)}</a>
          </p>
          <img src={`${verifyPath(cert.certificateNo)}/qr.svg`} width={160} height={160} alt={`Mã QR dẫn tới trang xác minh chứng nhận ${cert.certificateNo}`} />
          <p>
            Tải mã QR để in bao bì: <a href={`${verifyPath(cert.certificateNo)}/qr.svg`}>SVG</a> · <a href={`${verifyPath(cert.certificateNo)}/qr.png`}>PNG</a>
          </p>
        </section>
        <section class="panel" aria-labelledby="thay-doi">
          <h2 id="thay-doi">Thay đổi chứng nhận</h2>
          {detail.changeable ? (
            <ChangeForms cert={cert} admin={principal.role === 'admin'} states={forms ?? {}} today={today} />
          ) : (
            <>
              {/* A refused change (e.g. 409: revoked meanwhile) must still be said when the forms are gone. */}
              {posted ? <ErrorSummary state={posted} labels={{}} /> : null}
              <p>{detail.unchangeableBecause}</p>
            </>
          )}
        </section>
        <section class="panel" aria-labelledby="lich-su">
          <h2 id="lich-su">Lịch sử thay đổi</h2>
          <AuditTrail entries={detail.audit} />
        </section>
      </div>
    </Layout>
  );
}

/** What the change did, said first: above all whether the product is still on sale. */
function Confirmation({ done }: { done: ChangeDone }) {
  const { action, result } = done;
  const hasProduct = result.certificate.productId !== undefined;
  const effect = result.productListed
    ? 'Sản phẩm đang được bày bán trên chợ.'
    : !hasProduct
      ? undefined
      : action === 'renew'
        ? 'Sản phẩm chưa được bày bán (cần sản phẩm đang bán và chứng nhận từ 3 sao còn hiệu lực).'
        : 'Sản phẩm đã bị ẩn khỏi chợ.';
  return (
    <section class="success" role="status" aria-labelledby="da-xong">
      <h2 id="da-xong">
        {doneTitles[action]} {result.certificate.certificateNo}
      </h2>
      {effect ? <p data-product-listed={String(result.productListed)}>{effect}</p> : null}
      {action === 'renew' ? <p>Hiệu lực mới đến hết ngày {formatVietnamDate(result.certificate.expiresOn)}.</p> : null}
      {result.warnings.length > 0 ? (
        <ul class="notice">
          {result.warnings.map((w) => (
            <li>{w.message}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href="#lich-su">Xem trong lịch sử thay đổi ({auditActionLabels[action].toLowerCase()})</a>
      </p>
    </section>
  );
}

function Facts({ detail }: { detail: CertificateDetail }) {
  const cert = detail.certificate;
  const p = detail.producer;
  const subgroup = subgroupByCode(cert.subgroup);
  const soon = detail.state === 'valid' && detail.daysLeft !== undefined && detail.daysLeft <= EXPIRING_SOON_DAYS;
  return (
    <section class="panel" aria-labelledby="thong-tin">
      <h2 id="thong-tin">Thông tin chứng nhận</h2>
      <dl class="facts">
        <dt>Tình trạng</dt>
        <dd>
          <span class={`state state-${detail.state}`} data-state={detail.state}>
            {registryStateLabels[detail.state]}
          </span>
          {soon ? <span class="soon"> — còn {detail.daysLeft} ngày</span> : null} (tính lúc {formatVietnamDateTime(detail.checkedAt)})
        </dd>
        <dt>Hạng</dt>
        <dd>
          {cert.stars} sao{cert.score !== undefined ? ` (${String(cert.score).replace('.', ',')} điểm)` : ''}
        </dd>
        <dt>Cơ quan công nhận</dt>
        <dd>
          {issuerLabel(cert.issuingAuthority, cert.issuerProvinceLegacyName)} — {issuingLevelLabels[cert.issuingLevel]}
        </dd>
        <dt>Quyết định</dt>
        <dd>
          {cert.decisionNo}, ngày {formatVietnamDate(cert.decisionDate)}
        </dd>
        <dt>Hiệu lực đến hết ngày</dt>
        <dd>{formatVietnamDate(cert.expiresOn)}</dd>
        {cert.status === 'revoked' ? (
          <>
            <dt>Thu hồi</dt>
            <dd>
              {cert.revocationDecisionNo ?? '—'}
              {cert.revokedOn ? `, ngày ${formatVietnamDate(cert.revokedOn)}` : ''}
            </dd>
          </>
        ) : null}
        <dt>Chủ thể OCOP</dt>
        <dd>
          <a href={producerPath(p.id)}>{p.name}</a> — {p.commune}, {provinceLabelByCode(p.provinceCode)}
        </dd>
        <dt>Nhóm sản phẩm</dt>
        <dd>{subgroup ? `${subgroup.group.name} › ${subgroup.subgroup.name}` : `${cert.productGroup} › ${cert.subgroup}`}</dd>
        {cert.updatedAt ? (
          <>
            <dt>Cập nhật lần cuối</dt>
            <dd>{formatVietnamDateTime(cert.updatedAt)}</dd>
          </>
        ) : null}
      </dl>
      {cert.demo ? <p class="demo-tag">Dữ liệu minh họa</p> : null}
    </section>
  );
}

function Products({ detail }: { detail: CertificateDetail }) {
  return (
    <section class="panel" aria-labelledby="san-pham">
      <h2 id="san-pham">Sản phẩm mang chứng nhận này</h2>
      {detail.products.length === 0 ? (
        <p>Chưa có sản phẩm nào trên chợ mang chứng nhận này.</p>
      ) : (
        <ul>
          {detail.products.map((p) => (
            <li data-product={p.id} data-listed={String(p.listed)}>
              {p.listed ? <a href={productPath(p.id)}>{p.name}</a> : p.name} — {p.listed ? 'đang bày bán' : `đã ẩn khỏi chợ: ${p.hiddenBecause ?? ''}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The scanned decision: what is attached, and a plain multipart form to attach or replace it. */
function Evidence({ detail, error, saved }: { detail: CertificateDetail; error?: string | undefined; saved: boolean }) {
  const cert = detail.certificate;
  const ev = cert.evidence;
  return (
    <section class="panel" aria-labelledby="minh-chung">
      <h2 id="minh-chung">Tệp minh chứng (bản quét quyết định)</h2>
      {saved ? (
        <p class="success" role="status">
          Đã lưu tệp minh chứng.
        </p>
      ) : null}
      {ev ? (
        <p data-evidence={ev.key}>
          <a href={evidencePath(cert.certificateNo)}>{ev.fileName}</a> — {sizeLabel(ev.bytes)}, tải lên lúc {formatVietnamDateTime(ev.uploadedAt)}
        </p>
      ) : (
        <p>Chưa có tệp minh chứng.</p>
      )}
      <form method="post" action={evidencePath(cert.certificateNo)} enctype="multipart/form-data" novalidate>
        {error ? (
          <p class="field-error" id="evidence-error" role="alert">
            {error}
          </p>
        ) : null}
        <label for="evidence">{ev ? 'Thay tệp minh chứng' : 'Chọn tệp'} (PDF, JPEG hoặc PNG, tối đa 10 MB)</label>
        <input
          type="file"
          id="evidence"
          name="evidence"
          accept="application/pdf,image/jpeg,image/png"
          required
          {...(error ? { 'aria-invalid': 'true', 'aria-describedby': 'evidence-error' } : {})}
        />
        <button type="submit">Tải lên</button>
      </form>
    </section>
  );
}
