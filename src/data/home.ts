/**
 * What the home page leads to: its four key figures, and where each of an investor's
 * three questions goes, one click away. The one place these targets live.
 */

/** Ids in content/data/figures.yaml, shown as large tiles in this order. */
export const keyFigureIds = [
  'exports-2024',
  'jobs-end-2024',
  'international-companies',
  'target-jobs-2030',
] as const;

export type QuestionKey = 'worth' | 'where' | 'how';

/** Paths without language; `label` is a key under `investor.home.{question}`. */
export const questionTargets: Record<
  QuestionKey,
  { path: string; label: 'seatCost' | 'estimator' | 'link' }[]
> = {
  worth: [
    { path: '/seat-cost/', label: 'seatCost' },
    { path: '/incentives/estimator/', label: 'estimator' },
  ],
  where: [{ path: '/parks/', label: 'link' }],
  how: [{ path: '/setting-up/', label: 'link' }],
};
