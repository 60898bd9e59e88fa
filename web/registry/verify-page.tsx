import type { Verification } from '../../shared/registry/verification';
import { formatVietnamDate, formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Layout } from '../components/layout';
import { StarBadge } from '../components/star-badge';
import { producerPath, productPath } from '../view';
import { verifyPath } from './verification-url';

/**
 * What a shopper sees after scanning the pack. The badge is drawn only for a valid certificate; any
 * other state is said in words first, so a lapsed or revoked product cannot pass as certified.
 */
export function VerifyPage({ view }: { view: Verification }) {
  const v = view;
  const qr = verifyPath(v.certificateNo);
  return (
    <Layout title={`Xác minh chứng nhận OCOP ${v.certificateNo}`} description={`Chứng nhận OCOP số ${v.certificateNo}: ${v.stateLabel}.`} noindex>
      <div class="wrap">
        <h1>Xác minh chứng nhận OCOP</h1>
        <section class="panel" aria-labelledby="trang-thai">
          <h2 id="trang-thai" data-state={v.state}>
            {v.valid ? 'Chứng nhận hợp lệ' : `Không còn hiệu lực: ${v.stateLabel}`}
          </h2>
          {v.valid ? (
            <StarBadge stars={v.stars} large />
          ) : (
            <p class="notice" role="alert">
              {v.state === 'revoked'
                ? `Chứng nhận này đã bị thu hồi${v.revokedOn ? ` ngày ${formatVietnamDate(v.revokedOn)}` : ''}${v.revocationDecisionNo ? ` theo quyết định ${v.revocationDecisionNo}` : ''}. Sản phẩm không được dùng nhãn OCOP.`
                : v.state === 'expired'
                  ? `Chứng nhận này đã hết hạn ngày ${formatVietnamDate(v.expiresOn)}. Sản phẩm cần được đánh giá, phân hạng lại.`
                  : v.state === 'below_three_stars'
                    ? `Kết quả ${v.stars} sao không phải chứng nhận sản phẩm OCOP (cần từ 3 sao).`
                    : 'Chứng nhận này đã được thay thế bằng chứng nhận khác.'}
            </p>
          )}
          <dl>
            <dt>Số chứng nhận</dt>
            <dd>{v.certificateNo}</dd>
            <dt>Tình trạng</dt>
            <dd>{v.stateLabel}</dd>
            <dt>Hạng</dt>
            <dd>{v.stars} sao{v.score !== undefined ? ` (${v.score} điểm)` : ''}</dd>
            <dt>Cơ quan công nhận</dt>
            <dd>
              {v.issuer} — {v.issuingLevelLabel}
            </dd>
            <dt>Quyết định</dt>
            <dd>
              {v.decisionNo}, ngày {formatVietnamDate(v.decisionDate)}
            </dd>
            <dt>Hiệu lực đến hết ngày</dt>
            <dd>{formatVietnamDate(v.expiresOn)}</dd>
            {v.producer ? (
              <>
                <dt>Chủ thể OCOP</dt>
                <dd>
                  <a href={producerPath(v.producer.id)}>{v.producer.name}</a> — {v.producer.commune}, {v.producer.province}
                </dd>
              </>
            ) : null}
          </dl>
          <p>Kiểm tra lúc {formatVietnamDateTime(v.checkedAt)}.</p>
        </section>
        {v.products.length > 0 ? (
          <section class="panel">
            <h2>Sản phẩm mang chứng nhận này</h2>
            <ul>
              {v.products.map((p) => (
                <li>{p.listed ? <a href={productPath(p.id)}>{p.name}</a> : `${p.name} (không còn được bán)`}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section class="panel">
          <h2>Mã QR để in trên bao bì</h2>
          <img src={`${qr}/qr.svg`} width={160} height={160} alt={`Mã QR dẫn tới trang xác minh chứng nhận ${v.certificateNo}`} />
          <p>
            Tải về: <a href={`${qr}/qr.svg`}>SVG</a> · <a href={`${qr}/qr.png`}>PNG</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
