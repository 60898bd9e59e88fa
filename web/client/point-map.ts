import L from 'leaflet';

// Only on the locator's pages (web/locator/): the list is the page; this draws the same points on a map
// and offers the phone's location. Without JS, or when the map fails, the list and forms still work.

interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  href: string;
  open: boolean;
}

function drawMap(el: HTMLElement): void {
  const points = JSON.parse(el.dataset.points ?? '[]') as MapPoint[];
  const map = L.map(el, { scrollWheelZoom: false });
  const tiles = el.dataset.tiles;
  // Tiles only from a configured server (MAP_TILE_URL): tests and offline runs draw markers on a plain background.
  if (tiles) L.tileLayer(tiles, { maxZoom: 18, attribution: '© OpenStreetMap' }).addTo(map);
  for (const p of points) {
    const marker = L.circleMarker([p.lat, p.lng], { radius: 8, color: p.open ? '#0a6b3a' : '#8a4b00', fillOpacity: 0.8 }).addTo(map);
    const link = document.createElement('a');
    link.href = p.href;
    link.textContent = p.name;
    marker.bindPopup(link);
  }
  if (points.length) map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])).pad(0.2), { maxZoom: 15 });
  else map.setView([16.0, 106.5], 5);
  el.dataset.ready = String(points.length);
}

function offerLocation(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-geolocate]');
  if (!button || !('geolocation' in navigator)) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'Đang lấy vị trí…';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const form = button.form!;
        form.querySelector<HTMLInputElement>('[data-geo="lat"]')!.value = pos.coords.latitude.toFixed(5);
        form.querySelector<HTMLInputElement>('[data-geo="lng"]')!.value = pos.coords.longitude.toFixed(5);
        const province = form.querySelector<HTMLSelectElement>('select[name="province"]');
        if (province) province.value = '';
        form.submit();
      },
      () => {
        button.disabled = false;
        button.textContent = 'Không lấy được vị trí — chọn tỉnh bên cạnh';
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

const el = document.getElementById('ban-do');
if (el) {
  try {
    drawMap(el);
  } catch {
    el.hidden = true;
  }
}
offerLocation();
