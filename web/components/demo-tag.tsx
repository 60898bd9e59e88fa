export function DemoTag() {
  return <span class="demo-tag">Dữ liệu minh họa</span>;
}
