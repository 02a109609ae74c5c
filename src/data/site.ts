/**
 * Fixed timestamp of the offline copy's zip entries and the PDF metadata, so two builds give the
 * same bytes (tests/e2e/reproducible.test.ts). It is not a claim that anything was checked on
 * that day: the pages say when their sources stop and when they were last edited.
 */
export const archiveDate = '2026-11-27';
