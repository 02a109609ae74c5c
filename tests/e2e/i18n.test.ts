import { afterAll, describe, expect, it } from 'vitest';
import { base, closeBrowser, openPage, sharedPage, url, settled } from './browser';
import { localeCodes, locales } from '../support/site';
import { loadData } from '../support/content-data';
import { factSheetLanguage } from '../../src/lib/sources';

afterAll(closeBrowser);
// The checks that open a page and read it (or follow one link) take turns on one page; those with
// a browser language of their own or JavaScript off open their own.
const reader = sharedPage();

describe.each(localeCodes)('home in %s', (lang) => {
  it('renders in its language and direction, with nothing failing or leaving the site', async () => {
    const { page, problems, foreign } = await reader();
    await page.goto(url(`/${lang}/`));
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.getAttribute('html', 'dir')).toBe(locales[lang].dir);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    await expect(
      page
        .getByRole('navigation', { name: (await import(`../../src/i18n/ui/${lang}.json`)).nav.label })
        .count(),
    ).resolves.toBe(1);
    const hreflangs = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
    expect(hreflangs.sort()).toEqual([...localeCodes.map((l) => locales[l].hreflang), 'x-default'].sort());
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
      new RegExp(`/${lang}/$`),
    );
    await settled(page);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('names a preview image that the browser decodes: 1200 × 630, the brand green in its corner', async () => {
    const { page } = await reader();
    await page.goto(url(`/${lang}/`));
    const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
    const drawn = await page.evaluate(
      async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return {
          width: bitmap.width,
          height: bitmap.height,
          corner: [...context.getImageData(4, 4, 1, 1).data],
        };
      },
      url(`/${image.pathname.slice(base().length)}`),
    );
    expect(drawn).toEqual({ width: 1200, height: 630, corner: [0x0b, 0x6b, 0x4f, 255] });
  });
});

describe('language picker', () => {
  it.each(
    localeCodes.flatMap((from) => localeCodes.filter((to) => to !== from).map((to) => [from, to] as const)),
  )('leads from %s to the same page in %s', async (from, to) => {
    const { page, problems } = await reader();
    await page.goto(url(`/${from}/pillars/human-capital/`));
    await page.getByRole('link', { name: locales[to].name, exact: true }).click();
    await page.waitForURL(`**/${to}/pillars/human-capital/`);
    expect(await page.getAttribute('html', 'lang')).toBe(to);
    // Following the link at once may cancel the page's favicon load: that abort is expected.
    expect(problems.filter((p) => !p.endsWith('net::ERR_ABORTED'))).toEqual([]);
  });
});

describe('root language chooser', () => {
  it('offers the three languages as plain links without JavaScript', async () => {
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto(url('/'));
    for (const l of localeCodes) {
      const link = page.getByRole('link', { name: locales[l].name, exact: true });
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/${l}/$`));
    }
    await page.context().close();
  });

  it.each([
    ['ar-MA', 'ar'],
    ['en-GB', 'en'],
    ['fr-FR', 'fr'],
  ] as const)('sends a %s browser to /%s/', async (browserLocale, lang) => {
    const { page, problems } = await openPage({ locale: browserLocale });
    await page.goto(url('/'));
    await page.waitForURL(`**/${lang}/`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // Leaving the chooser cancels its own stylesheet load: that abort is expected, nothing else is.
    expect(problems.filter((p) => !p.endsWith('net::ERR_ABORTED'))).toEqual([]);
    await page.context().close();
  });

  it('stays on the chooser for a language the site does not have', async () => {
    const { page } = await openPage({ locale: 'de-DE' });
    await page.goto(url('/'));
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(/\/$/);
    await expect(page.getByRole('link', { name: 'العربية' }).count()).resolves.toBe(1);
    await page.context().close();
  });
});

describe('the 404 page', () => {
  it.each(localeCodes)('under /%s/ shows its text in that language only, in its direction', async (lang) => {
    const { page } = await reader();
    const response = await page.goto(url(`/${lang}/no-such-page/`));
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.getAttribute('html', 'dir')).toBe(locales[lang].dir);
    const title = (await import(`../../src/i18n/ui/${lang}.json`)).notFound.title as string;
    await expect(page.getByRole('heading', { level: 1 }).allTextContents()).resolves.toEqual([title]);
    for (const other of localeCodes)
      expect(await page.locator(`[data-lang-block="${other}"]`).isVisible(), other).toBe(other === lang);
  });
});

describe('sources cited in the reader’s language', () => {
  const auditia = loadData('sources.yaml').find((s) => s.id === 'auditia')!;
  const translated = auditia['translated'] as Record<string, { publisher: string; title: string }>;
  it.each(localeCodes)(
    'in %s: the researchers’ note, a described title and the date, on the lists of sources',
    async (lang) => {
      const { page } = await reader();
      await page.goto(url(`/${lang}/sources/professional/`));
      const item = page.locator('#src-auditia');
      const words = lang === factSheetLanguage ? auditia : translated[lang]!;
      const undated = (await import(`../../src/i18n/ui/${lang}.json`)).sourceDate.undated as string;
      const text = (await item.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain(String(words['publisher']));
      expect(text).toContain(String(words['title']));
      expect(text).toContain(undated);
      if (lang !== factSheetLanguage) expect(text).not.toMatch(/unknown|approx|accounting|Circular/);
      // A dated source in a page's own list: "around November 2025" in the page's words.
      await page.goto(url(`/${lang}/sources/press/`));
      const dated = (await page.locator('#src-yabiladi-2025-11').textContent())!;
      const around = (await import(`../../src/i18n/ui/${lang}.json`)).sourceDate.around as string;
      expect(dated).toContain(around.replace('{{date}}', '').trim());
      expect(dated).not.toMatch(/2025-11|approx/);
    },
  );
});

describe('an old URL of a moved page', () => {
  it('leads to the new page with the link’s query and section, on a host without redirect rules', async () => {
    const { page, problems } = await openPage();
    await page.goto(url('/fr/sites/fes-shore/?utm_source=mail#ce-que-disent-les-sources'));
    await page.waitForURL(/\/fr\/parks\/fes-shore\//);
    const now = new URL(page.url());
    expect(now.pathname).toBe(`${base().replace(/\/$/, '')}/fr/parks/fes-shore/`);
    expect(now.search).toBe('?utm_source=mail');
    expect(now.hash).toBe('#ce-que-disent-les-sources');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
