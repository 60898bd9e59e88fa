/** The officers' pages for points of sale, inside the province console (/quan-ly/tinh). */
export const POINTS_CONSOLE_PATH = '/quan-ly/tinh/diem-ban';
export const NEW_POINT_PATH = `${POINTS_CONSOLE_PATH}/moi`;
export const POINTS_IMPORT_PATH = `${POINTS_CONSOLE_PATH}/nhap-csv`;
export const POINTS_EXPORT_PATH = `${POINTS_CONSOLE_PATH}/xuat-csv`;
export const editPointPath = (id: string) => `${POINTS_CONSOLE_PATH}/${encodeURIComponent(id)}/sua`;
export const deletePointPath = (id: string) => `${POINTS_CONSOLE_PATH}/${encodeURIComponent(id)}/xoa`;
export const withProvince = (path: string, province: string | undefined) => (province ? `${path}?province=${encodeURIComponent(province)}` : path);
export const declarationDecisionPath = (pointId: string, producerId: string) => `${POINTS_CONSOLE_PATH}/${encodeURIComponent(pointId)}/khai-bao/${encodeURIComponent(producerId)}`;
