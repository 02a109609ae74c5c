/**
 * The query-string state both calculators share (estimator, seat cost): fields are filled from the
 * URL at load (a value the form cannot show, e.g. an unknown choice, is kept as typed so that the
 * reader gets a message rather than a silent default), every input is written back, and submitting
 * shows every result and moves focus to the first field in error or else to the results.
 */
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

/** Reads the URL into the form; returns nothing, the caller reads the form afterwards. */
export function restoreFromQuery<F extends string>(
  q: Pick<QueryForm<F>, 'fields' | 'control' | 'strayChoice'>,
  search: string,
): void {
  const params = new URLSearchParams(search);
  for (const f of q.fields) {
    const value = params.get(f);
    if (value === null) continue;
    q.control(f).value = value.slice(0, 40);
    if (q.control(f).value === '' && value.trim() !== '') q.strayChoice.set(f, value.slice(0, 40));
  }
}

export function bindQueryForm<F extends string>(q: QueryForm<F>): void {
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
    const firstBad = q.form.querySelector<HTMLElement>('[aria-invalid]');
    (firstBad ?? q.resultsTitle()).focus?.();
  });
}
