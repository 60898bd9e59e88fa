/** Checkout and order page styles, in the look of web/styles.ts; rendered inside the pages that use them. */
export const ordersCss = `
.checkout{display:grid;gap:1rem}
@media (min-width:56rem){.checkout{grid-template-columns:minmax(0,2fr) minmax(0,3fr);align-items:start}}
.order-shop{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;margin:0 0 1rem}
.order-shop h2,.order-shop h3{font-size:1.1rem;margin:0 0 .5rem}
.order-shop h3{margin-top:1rem}
.checkout .auth{margin:0;max-width:none}
.line-meta{display:block;font-weight:400;color:#55524b;font-size:.9rem}
.order-lines{width:100%;border-collapse:collapse}
.order-lines th,.order-lines td{text-align:left;padding:.35rem .25rem;border-bottom:1px solid #e4dfd3;vertical-align:top}
.order-lines td.num,.order-lines th.num{text-align:right;white-space:nowrap}
.sums{display:grid;grid-template-columns:1fr auto;gap:.2rem .75rem;margin:.5rem 0 0}
.sums dt{color:#55524b}.sums dd{margin:0;text-align:right;font-weight:600}
.sums .total{font-weight:700;color:#1f1d1a;font-size:1.05rem}
.grand-total{background:#fff;border:2px solid #0a5a3a;border-radius:.6rem;padding:1rem;font-size:1.15rem;font-weight:700}
.unavailable-lines{background:#fdecea;color:#5c1a05;border-left:4px solid #8f2d07;padding:.6rem .8rem;border-radius:.3rem}
.unavailable-lines ul{margin:.3rem 0 0;padding-left:1.1rem}
.choice.disabled{color:#6b675f}
.choice .why{display:block;color:#8f2d07;font-size:.9rem}
.status{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e6f2ec;color:#08412a;font-weight:700;font-size:.9rem}
.status-pending_payment{background:#fff3c4;color:#3d3000}
.status-cancelled,.status-refunded{background:#f1ede4;color:#55524b}
.pay-box{background:#f7f5ef;border:1px solid #e4dfd3;border-radius:.5rem;padding:.75rem;margin:.75rem 0}
.pay-box img{width:14rem;max-width:100%;height:auto;background:#fff;border-radius:.3rem;display:block;margin:.5rem 0}
.pay-box .facts dd{font-family:ui-monospace,monospace}
.history{margin:.25rem 0 0;padding-left:1.1rem}
.history li{margin:.2rem 0}
.actions{display:grid;gap:.75rem;margin-top:.75rem}
.actions form{background:#fff;border:1px solid #e4dfd3;border-radius:.5rem;padding:.75rem;display:grid;gap:.5rem}
.actions form.danger{border-color:#8f2d07}
.field select,.field textarea{width:100%}
.tabs{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:0 0 1rem}
.tabs a{display:inline-block;padding:.35rem .7rem;border:1px solid #0a5a3a;border-radius:1rem;color:#0a5a3a;text-decoration:none;min-height:2.75rem;line-height:2rem}
.tabs a[aria-current=page]{background:#0a5a3a;color:#fff}
.table-scroll{overflow-x:auto}
.order-table{border-collapse:collapse;width:100%;min-width:36rem}
.order-table th,.order-table td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e4dfd3;vertical-align:top}
.order-table td.num{text-align:right;white-space:nowrap}
.page-error{background:#fdecea;color:#5c1a05;border-left:4px solid #8f2d07;padding:.6rem .8rem;border-radius:.3rem}
`
  .replace(/\n/g, '')
  .trim();
