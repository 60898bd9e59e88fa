// As-you-type suggestions for every search box (`form[role=search]` with an input named q).
// Progressive enhancement only: without this script, or if the request fails, the box is a plain
// GET form to /tim-kiem. ARIA 1.2 combobox pattern: the input owns a listbox of links.

interface Suggestions {
  products: Array<{ id: string; name: string; stars: number; provinceCode: string; priceVnd: number }>;
  producers: Array<{ id: string; name: string }>;
  provinces: Array<{ code: string; name: string; matched?: string }>;
}

const MIN_CHARS = 2;
const DELAY_MS = 150;
const STYLE =
  '.suggest-wrap{position:relative;flex:1;display:flex}' +
  '.suggest{position:absolute;z-index:20;top:100%;left:0;right:0;margin:.2rem 0 0;padding:.3rem 0;list-style:none;background:#fff;color:#1c1b18;border:1px solid #77736b;border-radius:.4rem;box-shadow:0 6px 18px rgba(0,0,0,.18);max-height:70vh;overflow:auto}' +
  '.suggest[hidden]{display:none}.suggest li{margin:0}' +
  '.suggest .sg-h{font-size:.75rem;font-weight:700;color:#55524b;padding:.3rem .8rem 0;text-transform:uppercase}' +
  '.suggest a{display:block;padding:.5rem .8rem;color:#1c1b18;text-decoration:none;min-height:2.5rem}' +
  '.suggest a small{color:#55524b}.suggest [aria-selected=true] a,.suggest a:hover{background:#e6f2ec}';

let styled = false;
let counter = 0;

function option(listId: string, href: string, label: string, note?: string): HTMLLIElement {
  const li = document.createElement('li');
  li.id = `${listId}-${counter++}`;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  const a = document.createElement('a');
  a.href = href;
  a.tabIndex = -1;
  a.textContent = label;
  if (note) {
    const small = document.createElement('small');
    small.textContent = ` · ${note}`;
    a.append(small);
  }
  li.append(a);
  return li;
}

function heading(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'sg-h';
  li.setAttribute('role', 'presentation');
  li.textContent = text;
  return li;
}

function enhance(form: HTMLFormElement, input: HTMLInputElement): void {
  const listId = `goi-y-${++counter}`;
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Gợi ý tìm kiếm');
  list.hidden = true;
  const wrap = document.createElement('div');
  wrap.className = 'suggest-wrap';
  input.replaceWith(wrap);
  wrap.append(input, list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  let active = -1;
  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role=option]')];

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (i + all.length) % all.length;
    all.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', all[active]!.id);
    all[active]!.scrollIntoView({ block: 'nearest' });
  };

  const render = (q: string, s: Suggestions) => {
    list.replaceChildren();
    if (s.products.length) list.append(heading('Sản phẩm'), ...s.products.map((p) => option(listId, `/san-pham/${encodeURIComponent(p.id)}`, p.name, `OCOP ${p.stars} sao`)));
    if (s.producers.length) list.append(heading('Cơ sở'), ...s.producers.map((p) => option(listId, `/co-so/${encodeURIComponent(p.id)}`, p.name)));
    if (s.provinces.length) {
      list.append(
        heading('Tỉnh, thành phố'),
        ...s.provinces.map((p) => option(listId, `/san-pham?province=${encodeURIComponent(p.code)}`, p.name, p.matched ? `gồm ${p.matched}` : undefined)),
      );
    }
    list.append(option(listId, `${form.action.split('?')[0]}?q=${encodeURIComponent(q)}`, `Tìm “${q}”`));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  const fetchFor = async (q: string) => {
    inflight?.abort();
    inflight = new AbortController();
    try {
      const res = await fetch(`/api/search/suggest?q=${encodeURIComponent(q)}`, { signal: inflight.signal, headers: { accept: 'application/json' } });
      if (!res.ok) return close();
      // The box may have changed while the answer travelled: only the latest query is shown.
      if (input.value.trim() === q) render(q, (await res.json()) as Suggestions);
    } catch {
      // Offline or aborted: the plain form still works.
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_CHARS) return close();
    timer = setTimeout(() => void fetchFor(q), DELAY_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Enter' && active >= 0) {
      const link = options()[active]?.querySelector('a');
      if (link) {
        e.preventDefault();
        window.location.assign(link.href);
      }
    }
  });
  // A click on a suggestion lands before the blur hides the list.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  input.addEventListener('blur', () => close());
}

export function enhanceSearchBoxes(root: ParentNode = document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[role=search]')) {
    const input = form.querySelector<HTMLInputElement>('input[name=q]');
    if (!input || input.getAttribute('role') === 'combobox') continue;
    if (!styled) {
      const style = document.createElement('style');
      style.textContent = STYLE;
      document.head.append(style);
      styled = true;
    }
    enhance(form, input);
  }
}

enhanceSearchBoxes();
