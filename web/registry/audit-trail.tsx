import { provinceLabelByCode } from '../../shared/reference/labels';
import type { AuditAction, AuditEntry } from '../../shared/registry/audit';
import type { Certificate } from '../../shared/registry/certificate';
import { formatVietnamDate, formatVietnamDateTime } from '../../shared/time/vietnam-time';

export const auditActionLabels: Record<AuditAction, string> = {
  record: 'Ghi nhận',
  revoke: 'Thu hồi',
  downgrade: 'Hạ hạng',
  renew: 'Công nhận lại',
  evidence: 'Đính kèm minh chứng',
};

/** The stored status only: expiry is derived at read time, so the trail never claims "hết hạn". */
const statusLabels: Record<Certificate['status'], string> = { active: 'đang hoạt động', revoked: 'đã thu hồi', superseded: 'đã được thay thế' };

/** The fields an officer checks in a change, each as it reads on the decision. */
const tracked: { label: string; show: (c: Certificate) => string | undefined }[] = [
  { label: 'Hạng', show: (c) => `${c.stars} sao` },
  { label: 'Tình trạng', show: (c) => statusLabels[c.status] },
  { label: 'Hiệu lực đến hết ngày', show: (c) => formatVietnamDate(c.expiresOn) },
  { label: 'Quyết định', show: (c) => `${c.decisionNo}, ngày ${formatVietnamDate(c.decisionDate)}` },
  { label: 'Điểm', show: (c) => (c.score === undefined ? undefined : String(c.score).replace('.', ',')) },
  { label: 'Tệp minh chứng', show: (c) => (c.evidence ? `${c.evidence.fileName} (${formatVietnamDateTime(c.evidence.uploadedAt)})` : undefined) },
  { label: 'Quyết định thu hồi', show: (c) => (c.revocationDecisionNo ? `${c.revocationDecisionNo}${c.revokedOn ? `, ngày ${formatVietnamDate(c.revokedOn)}` : ''}` : undefined) },
];

/** "Hạng: 4 sao → 2 sao" for each tracked field that changed; everything as recorded for the first entry. */
export function changesOf(entry: AuditEntry): string[] {
  const before = entry.before;
  if (!before) return tracked.flatMap((t) => (t.show(entry.after) ? [`${t.label}: ${t.show(entry.after)}`] : []));
  return tracked.flatMap((t) => {
    const [from, to] = [t.show(before), t.show(entry.after)];
    return from === to ? [] : [`${t.label}: ${from ?? '—'} → ${to ?? '—'}`];
  });
}

function actorLabel(actor: AuditEntry['actor']): string {
  const who = actor.displayName ?? actor.accountId;
  return actor.role === 'admin' ? `${who} (quản trị viên)` : `${who} (cán bộ ${actor.provinceCode ? provinceLabelByCode(actor.provinceCode) : 'tỉnh'})`;
}

/** The append-only history, oldest first, as stored: nobody can edit or remove a line of it. */
export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) {
    return <p>Chưa có thay đổi nào được ghi lại (chứng nhận được nhập trước khi có nhật ký).</p>;
  }
  return (
    <div class="table-wrap">
      <table class="console-table" id="nhat-ky">
        <thead>
          <tr>
            <th scope="col">Thời điểm</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Thao tác</th>
            <th scope="col">Thay đổi</th>
            <th scope="col">Lý do</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr data-action={e.action}>
              <td>
                <time datetime={e.at}>{formatVietnamDateTime(e.at)}</time>
              </td>
              <td>{actorLabel(e.actor)}</td>
              <td>{auditActionLabels[e.action]}</td>
              <td>
                <ul class="audit-change">
                  {changesOf(e).map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              </td>
              <td>{e.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
