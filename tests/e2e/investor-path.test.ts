/**
 * The investor's path in Chromium against the built site: a home that leads (tiles and
 * the three questions above the fold, one click from their pages), a parks map whose labels never
 * overlap, the FAQ's structured data matching what it shows, and the setting-up steps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { keyFigureIds, questionTargets } from '../../src/data/home';
import type { Locale } from '../../src/i18n/locales';
import { base, closeBrowser, openPage, sharedPage, url, type Watched, settled } from './browser';
import { localeCodes, root } from '../support/site';
import { shownUi } from '../support/ui';

afterAll(closeBrowser);

const ui = (lang: Locale) => shownUi(lang).investor;
const sitePath = (href: string) => `/${new URL(href).pathname.slice(base().length)}`;
const normal = (s: string | null) =>
  (s ?? '')
    .replace(/[\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function done({ page, problems, foreign }: Watched) {
  await settled(page);
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
  await page.context().close();
}

const viewports = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

describe.each(localeCodes)('the %s home page', (lang) => {
  // The one-click checks each open the home page and follow a link: one phone-sized page for them.
  const phone = sharedPage({ viewport: { width: 375, height: 812 } });

  it.each(viewports)(
    'shows the four key figures, then the three questions, above the fold at $width px',
    async (viewport) => {
      const w = await openPage({ viewport });
      const { page } = w;
      await page.goto(url(`/${lang}/`));
      await page.evaluate(() => document.fonts.ready);
      const fold = viewport.height;
      const tiles = page.locator('[data-tiles] > li');
      expect(await tiles.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-tile')))).toEqual([
        ...keyFigureIds,
      ]);
      for (const tile of await tiles.all()) {
        const box = (await tile.boundingBox())!;
        expect(box.y + box.height, `tile ${await tile.getAttribute('data-tile')}`).toBeLessThanOrEqual(fold);
        expect(await tile.locator('data').textContent()).toMatch(/\d/);
      }
      const t = ui(lang);
      for (const [key, targets] of Object.entries(questionTargets)) {
        const item = page.locator(`[data-question="${key}"]`);
        await expect.poll(() => item.getByRole('heading', { level: 3 }).textContent()).toBe(t.home[key].q);
        const box = (await item.boundingBox())!;
        expect(box.y + box.height, `question ${key}`).toBeLessThanOrEqual(fold);
        const links = item.getByRole('link');
        expect(
          await links
            .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
            .then((hs) => hs.map(sitePath)),
        ).toEqual(targets.map((x) => `/${lang}${x.path}`));
        expect(await links.allTextContents()).toEqual(targets.map((x) => t.home[key][x.label]));
      }
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await done(w);
    },
  );

  it.each(Object.entries(questionTargets).map(([key, targets]) => [key, targets[0]!.path] as const))(
    'leads from "%s" to %s in one click',
    async (key, path) => {
      const w = await phone();
      await w.page.goto(url(`/${lang}/`));
      await w.page.locator(`[data-question="${key}"]`).getByRole('link').first().click();
      await w.page.waitForURL(`**/${lang}${path}`);
      expect(await w.page.getAttribute('html', 'lang')).toBe(lang);
      expect(w.problems.filter((p) => !p.endsWith('net::ERR_ABORTED'))).toEqual([]);
    },
  );
});

/** Rectangles on screen of the map's labels and markers, with the park each belongs to. */
async function mapBoxes(page: Page) {
  return page.locator('.park-map > svg a').evaluateAll((as) =>
    as.map((a) => {
      const r = (e: Element | null) =>
        e ? (({ x, y, width, height }) => ({ x, y, width, height }))(e.getBoundingClientRect()) : null;
      return {
        park: a.getAttribute('data-park')!,
        text: a.querySelector('text')?.textContent ?? null,
        label: r(a.querySelector('text')),
        marker: r(a.querySelector('circle, rect'))!, // a diamond for a secondary P2I
      };
    }),
  );
}
type Rect = { x: number; y: number; width: number; height: number };
const intersect = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the parks map', () => {
  const widths = [320, 375, 480, 768, 1024, 1280];
  const pages = [
    '/parks/',
    '/parks/casanearshore/',
    '/parks/casablanca-tech-valley/',
    '/parks/technopolis/',
    '/parks/fes-shore/',
  ];
  // One page for all of them, each opened at 320 px and then widened, as a fresh page would be.
  const mapPage = sharedPage({ viewport: { width: 320, height: 800 } });
  it.each(localeCodes.flatMap((lang) => pages.map((p) => [lang, p] as const)))(
    "%s %s: no label covers another label or another park's marker, from 320 to 1280 px",
    async (lang, path) => {
      const w = await mapPage();
      await w.page.setViewportSize({ width: 320, height: 800 });
      await w.page.goto(url(`/${lang}${path}`));
      await w.page.evaluate(() => document.fonts.ready);
      for (const width of widths) {
        await w.page.setViewportSize({ width, height: 800 });
        const boxes = await mapBoxes(w.page);
        const labels = boxes.filter((b) => b.label);
        expect(labels.length, `${width}px`).toBeGreaterThanOrEqual(6);
        const svg = (await w.page.locator('.park-map > svg').boundingBox())!;
        for (const [i, a] of labels.entries()) {
          expect(a.label!.x, `${a.text} inside the map at ${width}px`).toBeGreaterThanOrEqual(svg.x - 0.5);
          expect(a.label!.x + a.label!.width, `${a.text} inside the map at ${width}px`).toBeLessThanOrEqual(
            svg.x + svg.width + 0.5,
          );
          for (const b of labels.slice(i + 1))
            expect(intersect(a.label!, b.label!), `${a.text} / ${b.text} at ${width}px`).toBe(false);
          for (const m of boxes.filter((m) => m.park !== a.park))
            expect(intersect(a.label!, m.marker), `${a.text} over ${m.park} at ${width}px`).toBe(false);
        }
        // Markers do not sit on each other either (Casablanca's two parks share a city).
        const centre = (r: Rect) => [r.x + r.width / 2, r.y + r.height / 2] as const;
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const [[ax, ay], [bx, by]] = [centre(a.marker), centre(b.marker)];
            expect(Math.hypot(ax - bx, ay - by), `${a.park} / ${b.park} at ${width}px`).toBeGreaterThan(
              (a.marker.width + b.marker.width) / 2,
            );
          }
        }
      }
      await settled(w.page);
      expect(w.problems).toEqual([]);
      expect(w.foreign).toEqual([]);
    },
  );
});

describe.each(localeCodes)('the %s FAQ', (lang) => {
  it('has FAQPage structured data that parses and says what the page shows', async () => {
    const w = await openPage();
    const { page } = w;
    await page.goto(url(`/${lang}/faq/`));
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const faq = blocks.flatMap((b) => [JSON.parse(b)].flat()).find((o) => o['@type'] === 'FAQPage');
    expect(faq).toBeDefined();
    const shown = await page.locator('[data-faq]').evaluateAll((ss) =>
      ss.map((s) => ({
        id: s.getAttribute('data-faq'),
        q:
          s.querySelector('h2')?.id === s.getAttribute('data-faq')
            ? s.querySelector('h2')!.textContent
            : null,
        a: (s.querySelector('[data-faq-answer]') as HTMLElement).innerText,
      })),
    );
    expect(shown.length).toBeGreaterThanOrEqual(15);
    expect(faq.mainEntity.map((q: { name: string }) => q.name)).toEqual(shown.map((s) => s.q));
    expect(
      faq.mainEntity.map((q: { acceptedAnswer: { text: string } }) => normal(q.acceptedAnswer.text)),
    ).toEqual(shown.map((s) => normal(s.a)));
    // Each question has an anchor: the list at the top leads to it.
    const last = shown.at(-1)!;
    await page.locator(`nav a[href="#${last.id}"]`).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${last.id}`);
    await expect
      .poll(() => page.locator(`#${last.id}`).evaluate((h) => h.getBoundingClientRect().top < innerHeight))
      .toBe(true);
    // Every answer links into the guide, in the page's language.
    for (const s of await page.locator('[data-faq-answer]').all()) {
      const hrefs = await s.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const h of hrefs) expect(sitePath(h)).toMatch(new RegExp(`^/${lang}/`));
    }
    await done(w);
  });
});

describe.each(localeCodes)('the %s setting-up page', (lang) => {
  const steps: { id: string; confidence: string; sources: string[] }[] = parse(
    readFileSync(join(root, 'content/data/setup-steps.yaml'), 'utf8'),
  );
  it('lists the steps in order, one item each, with their sources, caveats and whom to contact', async () => {
    const w = await openPage();
    const { page } = w;
    await page.goto(url(`/${lang}/setting-up/`));
    const items = page.locator('ol.setup-steps > li');
    expect(await items.evaluateAll((ls) => ls.map((l) => l.id))).toEqual(steps.map((s) => `step-${s.id}`));
    for (const s of steps) {
      const li = page.locator(`#step-${s.id}`);
      const cites = await li
        .locator('[data-step-sources] a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(cites).toEqual(s.sources.map((id) => `#cite-${id}`));
      for (const c of cites) expect(await page.locator(c!).count(), c!).toBe(1);
      expect(await li.locator('[role="note"]').count(), s.id).toBe(s.confidence === 'confirmed' ? 0 : 1);
    }
    // What no source gives is said, not left blank.
    expect(await page.locator('ol.setup-steps [data-unknown]').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.setup-steps dd:empty').count()).toBe(0);
    // Whom to contact: a section with the bodies, each linking the steps it acts in; no phone or e-mail.
    expect(await page.locator('h2#contacts').count()).toBe(1);
    expect(await page.locator('ul.public-bodies > li').count()).toBeGreaterThanOrEqual(8);
    for (const href of await page
      .locator('ul.public-bodies a[href^="#"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(await page.locator(href!).count(), href!).toBe(1);
    expect(
      await page
        .locator('article :is(ol.setup-steps, ul.public-bodies) :is(a[href^="tel:"], a[href^="mailto:"])')
        .count(),
    ).toBe(0);
    await done(w);
  });
});
