/**
 * The query-string state both calculators share (estimator, seat cost): fields are filled from the
 * URL at load (a value the form cannot show, e.g. an unknown choice, is kept as typed so that the
 * reader gets a message rather than a silent default), every input is written back, and submitting
 * shows every result and moves focus to the first field in error or else to the results.
 */
import { keepStateInLinks } from './keep-state';

export interface QueryForm<F extends string> {
  form: HTMLFormElement;
  fields: readonly F[];
  control: (f: F) => HTMLInputElement | HTMLSelectElement;
  /** Values from the URL that no option of a <select> matches. */
  strayChoice: Map<F, string>;
  /** Fields the reader has changed (errors show on them before a submit). */
  touched: Set<F>;
  /** Write the URL and draw the results. */
  update: () => void;
  /** Draw every result, errors included (before `update` on submit). */
  showAll: () => void;
  resultsTitle: () => HTMLElement;
}

/** Reads the URL into the form; returns the values it brought ('' for a field it does not name). */
function restoreFromQuery<F extends string>(
  q: Pick<QueryForm<F>, 'fields' | 'control' | 'strayChoice'>,
  search: string,
): Record<F, string> {
  const params = new URLSearchParams(search);
  const brought = {} as Record<F, string>;
  for (const f of q.fields) {
    const value = params.get(f)?.slice(0, 40);
    brought[f] = value ?? '';
    if (value === undefined) continue;
    const c = q.control(f);
    // A list's choice in another case or with spaces ('ITO ') is its option ('ito'), shown as chosen.
    const option =
      c instanceof HTMLSelectElement
        ? [...c.options].find((o) => o.value !== '' && o.value === value.trim().toLowerCase())
        : undefined;
    c.value = option?.value ?? value;
    if (c.value === '' && value.trim() !== '') q.strayChoice.set(f, value);
  }
  return brought;
}

/** The form's values, a stray choice from the URL standing in for its empty <select>. */
export function readQueryForm<F extends string>(
  q: Pick<QueryForm<F>, 'fields' | 'control' | 'strayChoice'>,
): Record<F, string> {
  return Object.fromEntries(
    q.fields.map((f) => [f, q.control(f).value || q.strayChoice.get(f) || '']),
  ) as Record<F, string>;
}

/**
 * Whether a control holds something other than what the page was served with. A list with no
 * option marked `selected` shows its first one.
 */
const changedByReader = (c: HTMLInputElement | HTMLSelectElement) =>
  c instanceof HTMLSelectElement
    ? c.selectedIndex !==
      Math.max(
        0,
        [...c.options].findIndex((o) => o.defaultSelected),
      )
    : c.value !== c.defaultValue;

/**
 * Writes values into the address, an empty one removing its parameter, and keeps the others (the
 * form's fields and the estimator's conversion each write their own). It replaces the history
 * entry: no entry per keystroke.
 */
export function writeQuery(values: Record<string, string>): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(values)) {
    if (value.trim()) params.set(name, value.trim());
    else params.delete(name);
  }
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Marks a field in error for assistive technology: aria-invalid="true", or no attribute at all. */
export function markInvalid(control: Element, bad: boolean): void {
  if (bad) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

const pending = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
/**
 * Writes a live region's message once typing pauses, and only when it says something new: a
 * result that changes with each keystroke is announced once, not at every key.
 */
export function announce(region: HTMLElement, message: string, delay = 600): void {
  clearTimeout(pending.get(region));
  pending.set(
    region,
    setTimeout(() => {
      if (region.textContent !== message) region.textContent = message;
    }, delay),
  );
}

function bindQueryForm<F extends string>(q: QueryForm<F>): void {
  q.form.addEventListener('input', (ev) => {
    const name = (ev.target as HTMLInputElement).name as F;
    if ((q.fields as readonly string[]).includes(name)) q.touched.add(name);
    q.strayChoice.delete(name);
    q.update();
  });
  q.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    q.showAll();
    q.update();
    const firstBad = q.form.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstBad ?? q.resultsTitle()).focus?.();
  });
}

/**
 * Fills the form from the URL, then keeps the URL and the results in step with every input:
 * `render` draws the results. Returns the values the URL brought (the caller shows every message
 * at once when the reader arrived with values).
 */
export function startQueryForm<F extends string>(
  q: Omit<QueryForm<F>, 'update'> & { render: () => void },
): Record<F, string> {
  keepStateInLinks();
  // Fields the reader changed before this code arrived (it loads on intent) count as touched.
  for (const f of q.fields) if (changedByReader(q.control(f))) q.touched.add(f);
  const restored = restoreFromQuery(q, location.search);
  bindQueryForm({
    ...q,
    update: () => {
      writeQuery(readQueryForm(q));
      q.render();
    },
  });
  if (q.touched.size > 0) writeQuery(readQueryForm(q));
  return restored;
}
