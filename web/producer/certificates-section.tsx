import type { Certificate } from '../../shared/registry/certificate';
import { verifyPath } from '../registry/verification-url';
import { certificateView, EXPIRING_SOON_DAYS, vietnamCalendarDay } from './certificate-view';

/**
 * The storefront's OCOP results with their state at this instant (the same rule as the public
 * verification page), those lapsing within six months highlighted, each with its public page and QR.
 */
export function CertificatesSection({ certificates, now }: { certificates: Certificate[]; now: Date }) {
  return (
    <section aria-labelledby="chung-nhan-ocop">
      <h2 id="chung-nhan-ocop">Chứng nhận OCOP</h2>
      {certificates.length === 0 ? (
        <p>Chưa có chứng nhận nào. Chứng nhận do cán bộ OCOP tỉnh, thành phố ghi nhận sau khi sản phẩm được đánh giá, phân hạng.</p>
      ) : (
        <table>
          <caption class="sr-only">Chứng nhận OCOP của cơ sở, quyết định mới nhất trước</caption>
          <thead>
            <tr>
              <th scope="col">Số chứng nhận</th>
              <th scope="col">Hạng</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Hiệu lực</th>
              <th scope="col">Mã QR</th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((cert) => {
              const view = certificateView(cert, now);
              const path = verifyPath(cert.certificateNo);
              return (
                <tr class={view.expiringSoon ? 'soon' : undefined}>
                  <th scope="row">
                    <a href={path}>{cert.certificateNo}</a>
                  </th>
                  <td>{cert.stars}★</td>
                  <td>{view.stateLabel}</td>
                  <td>
                    hết hạn {vietnamCalendarDay(cert.expiresOn)}
                    {view.expiringSoon ? <strong> · sắp hết hạn, còn {view.daysLeft} ngày</strong> : null}
                  </td>
                  <td>
                    <a href={`${path}/qr.svg`}>SVG</a> · <a href={`${path}/qr.png`}>PNG</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p class="hint">Được tô màu: còn dưới {EXPIRING_SOON_DAYS} ngày hiệu lực — hãy đăng ký đánh giá, công nhận lại sớm.</p>
    </section>
  );
}
