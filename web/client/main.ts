import '../search/suggest-client';

// Progressive enhancement only: every page works without this file. Keep it tiny — it is parsed on
// cheap phones, and nothing here may be needed to read, filter or buy.

const FOCUS_KEY = 'ocop:filter-focus';

// CSS keys off this class, e.g. to hide the filter button once changes submit by themselves.
document.documentElement.classList.add('js');

function cleanQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, name) => {
    // Empty selects mean "any", and newest is the default order: leave both out of the URL.
    if (typeof value !== 'string' || value === '' || (name === 'sort' && value === 'newest')) return;
    params.append(name, value);
  });
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Navigates instead of form.submit(): a clean URL, and no requestSubmit (missing before Safari 16). */
function go(form: HTMLFormElement): void {
  window.location.assign(`${form.action.split('?')[0]}${cleanQuery(form)}`);
}

function remember(id: string): void {
  try {
    sessionStorage.setItem(FOCUS_KEY, id);
  } catch {
    // Private mode may refuse storage; focus then simply starts at the top.
  }
}

function restoreFocus(): void {
  try {
    const id = sessionStorage.getItem(FOCUS_KEY);
    if (!id) return;
    sessionStorage.removeItem(FOCUS_KEY);
    // The page reloaded on a keyboard choice: put the user back on the control they were using.
    document.getElementById(id)?.focus();
  } catch {
    /* see remember() */
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-auto-submit]')) {
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement)) return;
    // A subgroup belongs to one group: changing the group makes the old subgroup meaningless.
    const resets = target.dataset.resets;
    const dependent = resets ? form.elements.namedItem(resets) : null;
    if (dependent instanceof HTMLSelectElement) dependent.value = '';
    remember(target.id);
    go(form);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(form);
  });
}

restoreFocus();
