import type { PointOfSale, PointType } from '../../shared/locator/point-of-sale';
import type { OpeningHours } from '../../shared/locator/opening-hours';
import type { Producer } from '../../shared/storefront/producer';

const day = (open: string, close: string) => [{ open, close }];
const split = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];
const office: OpeningHours = { weekly: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: day('08:00', '12:00'), sun: [] }, closures: [] };
const shop: OpeningHours = { weekly: { mon: day('08:00', '21:00'), tue: day('08:00', '21:00'), wed: day('08:00', '21:00'), thu: day('08:00', '21:00'), fri: day('08:00', '21:00'), sat: day('08:00', '21:30'), sun: day('08:00', '21:30') }, closures: [] };
const allDay: OpeningHours = { weekly: { mon: day('00:00', '24:00'), tue: day('00:00', '24:00'), wed: day('00:00', '24:00'), thu: day('00:00', '24:00'), fri: day('00:00', '24:00'), sat: day('00:00', '24:00'), sun: day('00:00', '24:00') }, closures: [] };

/** Made-up points at plausible places (demo data: the names say so), one or two per big province. */
const SPECS: { id: string; name: string; type: PointType; provinceCode: string; commune: string; street: string; lat: number; lng: number; hours: OpeningHours; phone?: string }[] = [
  { id: 'demo-trung-tam-ocop-ha-noi', name: 'Trung tâm giới thiệu sản phẩm OCOP Hà Nội (minh họa)', type: 'center', provinceCode: '01', commune: 'Phường Hoàn Kiếm', street: '25 Tràng Tiền', lat: 21.0245, lng: 105.8553, hours: office, phone: '02438261234' },
  { id: 'demo-goc-ocop-cau-giay', name: 'Góc OCOP siêu thị Cầu Giấy (minh họa)', type: 'supermarket_corner', provinceCode: '01', commune: 'Phường Cầu Giấy', street: '222 Trần Duy Hưng', lat: 21.0068, lng: 105.7985, hours: shop },
  { id: 'demo-kiot-noi-bai', name: 'Ki-ốt OCOP sân bay Nội Bài (minh họa)', type: 'airport', provinceCode: '01', commune: 'Xã Phù Linh', street: 'Nhà ga T2', lat: 21.2187, lng: 105.8042, hours: allDay },
  { id: 'demo-showroom-ocop-ben-thanh', name: 'Showroom OCOP Bến Thành (minh họa)', type: 'showroom', provinceCode: '79', commune: 'Phường Bến Thành', street: '48 Lê Lợi', lat: 10.7725, lng: 106.6980, hours: shop, phone: '02838221234' },
  { id: 'demo-kiot-tan-son-nhat', name: 'Ki-ốt OCOP sân bay Tân Sơn Nhất (minh họa)', type: 'airport', provinceCode: '79', commune: 'Phường Tân Sơn Hòa', street: 'Ga quốc nội', lat: 10.8142, lng: 106.6641, hours: allDay },
  { id: 'demo-goc-ocop-thu-duc', name: 'Góc OCOP siêu thị Thủ Đức (minh họa)', type: 'supermarket_corner', provinceCode: '79', commune: 'Phường Thủ Đức', street: '216 Võ Văn Ngân', lat: 10.8506, lng: 106.7719, hours: shop },
  { id: 'demo-trung-tam-ocop-da-nang', name: 'Trung tâm OCOP Đà Nẵng (minh họa)', type: 'center', provinceCode: '48', commune: 'Phường Hải Châu', street: '1 Bạch Đằng', lat: 16.0678, lng: 108.2240, hours: office },
  { id: 'demo-diem-ban-ba-na', name: 'Điểm bán OCOP khu du lịch Bà Nà (minh họa)', type: 'tourist_site', provinceCode: '48', commune: 'Xã Bà Nà', street: 'Ga cáp treo', lat: 15.9977, lng: 107.9880, hours: shop },
  { id: 'demo-showroom-ocop-ha-long', name: 'Showroom OCOP Hạ Long (minh họa)', type: 'showroom', provinceCode: '22', commune: 'Phường Bãi Cháy', street: '9 Hạ Long', lat: 20.9520, lng: 107.0470, hours: shop },
  { id: 'demo-tram-dung-nghi-ha-long', name: 'Ki-ốt OCOP trạm dừng nghỉ cao tốc Hạ Long – Hải Phòng (minh họa)', type: 'rest_stop', provinceCode: '22', commune: 'Phường Hoành Bồ', street: 'Km 12 cao tốc', lat: 20.9805, lng: 106.9250, hours: allDay },
  { id: 'demo-trung-tam-ocop-da-lat', name: 'Trung tâm OCOP Đà Lạt (minh họa)', type: 'center', provinceCode: '68', commune: 'Phường Xuân Hương – Đà Lạt', street: '2 Nguyễn Thị Minh Khai', lat: 11.9429, lng: 108.4386, hours: office },
  { id: 'demo-diem-ban-hue', name: 'Điểm bán OCOP Đại Nội Huế (minh họa)', type: 'tourist_site', provinceCode: '46', commune: 'Phường Phú Xuân', street: '23 Tháng 8', lat: 16.4698, lng: 107.5790, hours: shop },
  { id: 'demo-showroom-ocop-can-tho', name: 'Showroom OCOP Cần Thơ (minh họa)', type: 'showroom', provinceCode: '92', commune: 'Phường Ninh Kiều', street: '38 Hai Bà Trưng', lat: 10.0341, lng: 105.7880, hours: shop },
  { id: 'demo-diem-ban-phu-quoc', name: 'Điểm bán OCOP chợ đêm Phú Quốc (minh họa)', type: 'tourist_site', provinceCode: '91', commune: 'Đặc khu Phú Quốc', street: 'Bạch Đằng, Dương Đông', lat: 10.2170, lng: 103.9590, hours: { ...shop, weekly: { ...shop.weekly, mon: day('17:00', '23:30'), tue: day('17:00', '23:30') } } },
  { id: 'demo-goc-ocop-vinh', name: 'Góc OCOP siêu thị Vinh (minh họa)', type: 'supermarket_corner', provinceCode: '40', commune: 'Phường Thành Vinh', street: '1 Quang Trung', lat: 18.6733, lng: 105.6923, hours: shop },
];

/** The demo points; each carries the whole storefronts of up to 5 demo producers of its province. */
export function demoPoints(producers: readonly Producer[], now: Date): PointOfSale[] {
  const at = now.toISOString();
  return SPECS.map((s) => ({
    id: s.id,
    name: s.name,
    type: s.type,
    provinceCode: s.provinceCode,
    commune: s.commune,
    street: s.street,
    lat: s.lat,
    lng: s.lng,
    openingHours: s.hours,
    ...(s.phone ? { phone: s.phone } : {}),
    status: 'open' as const,
    productIds: [],
    producerIds: producers.filter((p) => p.provinceCode === s.provinceCode).slice(0, 5).map((p) => p.id),
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
}
