import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCache } from '../../integrations/cache';
import { pdfKey, renderPdfs, type PdfJob } from '../../integrations/brochure/print';

const temporary: string[] = [];
afterEach(() => {
  for (const d of temporary.splice(0)) rmSync(d, { recursive: true, force: true });
  delete process.env['BUILD_CACHE_DIR'];
  delete process.env['CHROME_PATH'];
});

const date = '2026-01-15';
const code = 'printing code v1';

/**
 * Two brochure jobs, a build cache of their own, and for Chromium a file that exists but cannot
 * print (Node's executable): a test passes only if nothing needed Chromium, or if its failing to
 * start is handled.
 */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
  temporary.push(dir);
  process.env['BUILD_CACHE_DIR'] = join(dir, 'cache');
  process.env['CHROME_PATH'] = process.execPath;
  const jobs: PdfJob[] = ['fr', 'ar'].map((lang) => ({
    lang,
    file: join(dir, 'print', lang, 'index.html'),
    out: join(dir, `guide-${lang}.pdf`),
    key: `print page and files of ${lang}`,
  }));
  const store = buildCache(dir);
  const warnings: string[] = [];
  let prepared = 0;
  const run = (version: string) =>
    renderPdfs(jobs, {
      date,
      log: { warn: (m) => void warnings.push(m), info: () => undefined },
      cache: { store, code },
      version: Promise.resolve(version),
      prepare: async () => void (prepared += 1),
    });
  /** Stores a PDF for each job as a build printed by `chrome` at `version` would have. */
  const stored = async (chrome: string, version: string) => {
    for (const job of jobs)
      await store.write(
        'pdf',
        pdfKey(store, job.key!, { chrome, version, code, date }),
        Buffer.from(`%PDF ${job.lang}`),
      );
  };
  return { jobs, run, stored, warnings, prepared: () => prepared };
}

describe('PDF brochures and the build cache', () => {
  it('copies the PDFs the cache holds, without writing the print copy or starting Chromium', async () => {
    const { jobs, run, stored, warnings, prepared } = setUp();
    await stored(process.execPath, 'Chromium 156');
    expect(await run('Chromium 156')).toEqual({ fr: jobs[0]!.out, ar: jobs[1]!.out });
    expect(readFileSync(jobs[1]!.out, 'utf8')).toBe('%PDF ar');
    expect(prepared()).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('prints again for another Chromium version or executable, writing the print copy first', async () => {
    const { jobs, run, stored, warnings, prepared } = setUp();
    await stored('/usr/bin/chromium', 'Chromium 156');
    await stored(process.execPath, 'Chromium 155');
    // A miss: the print copy is written, then Chromium (here Node) fails to start, which skips the PDFs.
    expect(await run('Chromium 156')).toEqual({});
    expect(prepared()).toBe(1);
    expect(warnings.join('\n')).toMatch(/did not start, the PDF brochures are skipped/);
    expect(jobs.some((j) => existsSync(j.out))).toBe(false);
  });
});
