/**
 * Styles of the province console pages (tables, navigation, the three change forms), in the look
 * of web/styles.ts. Inlined in the page like identityCss: the console is the only user.
 */
export const consoleCss = `
.console-nav ul{list-style:none;margin:.5rem 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.console-nav a{display:inline-block;padding:.45rem .8rem;border:2px solid #0a5a3a;border-radius:.4rem;color:#0a5a3a;font-weight:700;text-decoration:none}
.console-nav a[aria-current=page]{background:#0a5a3a;color:#fff}
.table-wrap{overflow-x:auto}
.console-table{border-collapse:collapse;width:100%;background:#fff}
.console-table th,.console-table td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid #e4dfd3}
.console-table thead th{background:#f4f1ea}
.state{font-weight:700}
.state-valid{color:#08412a}
.state-expired,.state-revoked,.state-below_three_stars{color:#8f2d07}
.state-downgraded,.state-superseded{color:#5c4500}
.soon{color:#8f2d07;font-weight:700}
.console-filter{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:0 0 1rem}
.console-filter select{width:auto}
.console-filter .choice{margin:0}
.change-forms{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.change-forms form{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;display:grid;gap:.75rem;align-content:start}
.change-forms h3{margin:0}
.audit-change{margin:0;padding-left:1.1rem}
`
  .replace(/\n/g, '')
  .trim();
