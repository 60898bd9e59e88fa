/** The console's certificate pages. The list shares its path with the record form's POST (console-page.tsx). */
export const CERTIFICATES_PATH = '/quan-ly/tinh/chung-nhan';

export const certificatePath = (no: string) => `${CERTIFICATES_PATH}/${encodeURIComponent(no)}`;

/** The three changes, as plain form actions under the certificate (Vietnamese slugs like the rest of the console). */
export const changeActions = { revoke: 'thu-hoi', downgrade: 'ha-hang', renew: 'cong-nhan-lai' } as const;
export type ChangeAction = keyof typeof changeActions;

export const changePath = (no: string, action: ChangeAction) => `${certificatePath(no)}/${changeActions[action]}`;

export interface ListParams {
  tinh?: string | undefined;
  sapHetHan?: boolean | undefined;
  cursor?: string | undefined;
}

/** `?tinh=86&sap-het-han=1&cursor=…`, defaults left out so links stay short. */
export function certificatesListPath(params: ListParams = {}): string {
  const q = new URLSearchParams();
  if (params.tinh) q.set('tinh', params.tinh);
  if (params.sapHetHan) q.set('sap-het-han', '1');
  if (params.cursor) q.set('cursor', params.cursor);
  const s = q.toString();
  return s ? `${CERTIFICATES_PATH}?${s}` : CERTIFICATES_PATH;
}

/** The scanned decision: POST (multipart, field `evidence`) attaches it, GET streams it back. */
export const evidencePath = (no: string) => `${certificatePath(no)}/minh-chung`;
