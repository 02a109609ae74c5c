/**
 * Open data and the record of changes, on the built site: the datasets parse, match
 * their schema and the data files, the CSV matches the JSON; the Atom feeds are well formed and
 * every page's head names its language's feed; the pages that list them work in a browser, and
 * the estimator's CSV holds the numbers on screen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseDocument } from 'htmlparser2';
import { dataFileBudget } from '../budgets';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, sharedPage, url } from './browser';
import { builtPages, elements, fileFor, read } from '../support/built';
import { basePath, dist, localeCodes, root, siteUrl } from '../support/site';
import { readYaml, yamlDatasets } from '../support/datasets';
import { datasets } from '../../src/data/datasets';
import { parseCsv } from '../../src/lib/csv';
import { stripBidiMarks } from '../../src/lib/format';
import fr from '../../src/i18n/ui/fr.json';
import en from '../../src/i18n/ui/en.json';
import ar from '../../src/i18n/ui/ar.json';
import { proseFolders } from '../../src/lib/prose';

afterAll(closeBrowser);
const ui = { fr, en, ar };
const localized = z.object({ fr: z.string().min(1), en: z.string().min(1), ar: z.string().min(1) }).strict();
const rowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-zA-Z0-9.-]*$/),
    value: z.union([z.number(), z.string().min(1), z.null()]),
    unit: z.string().min(1).nullable(),
    period: z.string().min(4).nullable(),
    confidence: z.enum(['confirmed', 'single-source', 'conflicting']).nullable(),
    label: localized,
    valueText: localized.nullable(),
    note: localized.nullable(),
    caveat: localized.nullable(),
    sources: z
      .array(
        z
          .object({
            id: z.string().min(1),
            publisher: z.string().min(1),
            title: z.string().min(1),
            url: z.url(),
            date: z.string().min(1),
            copy: z.boolean(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
const documentSchema = z
  .object({
    name: z.string(),
    url: z.url(),
    licence: z.object({ name: z.string(), url: z.url() }),
    modified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    languages: z.array(z.string()),
    rows: z.array(rowSchema).min(1),
  })
  .strict();
const json = (name: string) => JSON.parse(read(join(dist, 'data', `${name}.json`)));
const csvText = (name: string) => read(join(dist, 'data', `${name}.csv`));

describe('datasets', () => {
  it.each(datasets.map((d) => d.name))(
    '%s.json matches the schema, with unique ids, and equals what the data files give',
    (name) => {
      const doc = documentSchema.parse(json(name));
      expect(doc.url).toBe(`${siteUrl}${basePath}data/${name}.json`);
      expect(new Set(doc.rows.map((r) => r.id)).size).toBe(doc.rows.length);
      expect(doc.rows).toEqual((yamlDatasets() as Record<string, unknown>)[name]);
    },
  );

  it.each(datasets.map((d) => d.name))(
    '%s.csv: UTF-8 with a BOM, CRLF, a header row and one line per JSON row, same ids and values',
    (name) => {
      const text = csvText(name);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(
        text
          .replace(/"[^"]*"/g, '')
          .split('\n')
          .slice(0, -1)
          .every((l) => l.endsWith('\r')),
      ).toBe(true);
      const [header, ...lines] = parseCsv(text);
      const rows = json(name).rows as z.infer<typeof rowSchema>[];
      expect(lines).toHaveLength(rows.length);
      expect(header).toEqual(
        expect.arrayContaining([
          'id',
          'value',
          'unit',
          'period',
          'confidence',
          'label_fr',
          'label_en',
          'label_ar',
          'note_ar',
          'caveat_en',
          'source_urls',
          'source_is_copy',
        ]),
      );
      const col = (n: string) => header!.indexOf(n);
      lines.forEach((l, i) => {
        const r = rows[i]!;
        expect([l[col('id')], l[col('value')], l[col('label_ar')], l[col('source_urls')]]).toEqual([
          r.id,
          r.value === null ? '' : String(r.value),
          r.label.ar,
          r.sources.map((s) => s.url).join(' | '),
        ]);
      });
    },
  );

  it.each(datasets.flatMap((d) => [`${d.name}.json`, `${d.name}.csv`]))(
    `%s stays within the byte budget (tests/budgets.ts)`,
    (file) => {
      expect(gzipSync(readFileSync(join(dist, 'data', file))).length).toBeLessThanOrEqual(dataFileBudget);
    },
  );

  it('values are those of content/data: every figure, rule rate and park area', () => {
    const byId = (name: string) =>
      new Map(
        (json(name).rows as { id: string; value: unknown; period: unknown; confidence: unknown }[]).map(
          (r) => [r.id, r],
        ),
      );
    const figures = byId('figures');
    for (const f of readYaml('content/data/figures.yaml'))
      expect(figures.get(f['id'] as string), String(f['id'])).toMatchObject({
        value: f['value'],
        period: f['period'],
        confidence: f['confidence'],
      });
    const rules = byId('incentive-rules');
    for (const r of readYaml('content/data/incentive-rules.yaml')) {
      const params = r['parameters'] as Record<
        string,
        { value: unknown; confidence: unknown; byLocation?: Record<string, unknown> }
      >;
      for (const [p, v] of Object.entries(params)) {
        expect(rules.get(`${r['id']}.${p}`), `${r['id']}.${p}`).toMatchObject({
          value: v.value,
          confidence: v.confidence,
        });
        for (const [loc, lv] of Object.entries(v.byLocation ?? {}))
          expect(rules.get(`${r['id']}.${p}.${loc}`)?.value).toBe(lv);
      }
    }
    const parks = byId('parks');
    for (const p of readYaml('content/data/parks.yaml'))
      expect(parks.get(`${p['id']}.area`)?.value, String(p['id'])).toBe(p['areaHa']);
  });
});

describe('in the sitemap', () => {
  it('lists the data, changes, accessibility and translation status pages in every language', () => {
    const xmlText = readdirSync(dist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => read(join(dist, f)))
      .join('');
    const missing = localeCodes
      .flatMap((l) =>
        ['data', 'changes', 'accessibility', 'translation-status'].map(
          (p) => `${siteUrl}${basePath}${l}/${p}/`,
        ),
      )
      .filter((u) => !xmlText.includes(`<loc>${u}</loc>`));
    expect(missing).toEqual([]);
  });
});

describe('in the offline copy', () => {
  it.each([...localeCodes, 'all'])(
    'offshoring-maroc-%s holds every dataset in downloads/, and its data pages link there',
    (variant) => {
      const copy = join(root, 'dist-export', `offshoring-maroc-${variant}`);
      for (const d of datasets)
        for (const ext of ['json', 'csv'])
          expect(
            readFileSync(join(copy, 'downloads', `${d.name}.${ext}`)).equals(
              readFileSync(join(dist, 'data', `${d.name}.${ext}`)),
            ),
            `${d.name}.${ext}`,
          ).toBe(true);
      const lang = variant === 'all' ? 'fr' : variant;
      const html = read(join(copy, lang, 'data', 'index.html'));
      expect(html).toContain('href="../../downloads/figures.csv"');
      expect(existsSync(join(copy, lang, 'changes.xml'))).toBe(true);
    },
  );
});

/** Elements of an XML document by local name, with their text. */
function xml(text: string) {
  const doc = parseDocument(text, { xmlMode: true });
  type Node = {
    type: string;
    name?: string;
    attribs?: Record<string, string>;
    children?: Node[];
    data?: string;
  };
  const all: Node[] = [];
  const walk = (n: Node) => {
    all.push(n);
    n.children?.forEach(walk);
  };
  walk(doc as unknown as Node);
  const textOf = (n: Node): string => (n.data ?? '') + (n.children ?? []).map(textOf).join('');
  const kids = (n: Node, name: string) => (n.children ?? []).filter((c) => c.name === name);
  return { all, textOf, kids, root: all.find((n) => n.name === 'feed') };
}

describe('Atom feeds of changes', () => {
  const entries =
    readYaml<{ id: string; date: string; title: Record<string, string> }[]>('content/data/changes.yaml');
  it.each(localeCodes)('/%s/changes.xml is a valid Atom feed with one entry per change', (lang) => {
    const file = fileFor(`/${lang}/changes.xml`);
    expect(file).toBeDefined();
    const text = read(file!);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const { root, kids, textOf } = xml(text);
    expect(root?.attribs?.['xmlns']).toBe('http://www.w3.org/2005/Atom');
    const one = (n: NonNullable<typeof root>, name: string) => {
      const k = kids(n, name);
      expect(k, name).toHaveLength(1);
      return textOf(k[0]!);
    };
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
    const page = `${siteUrl}${basePath}${lang}/changes/`;
    expect(one(root!, 'id')).toBe(page);
    expect(one(root!, 'title')).toBe(ui[lang].changesPage.feedTitle.replace('{{site}}', ui[lang].site.name));
    expect(one(root!, 'updated')).toMatch(rfc3339);
    expect(kids(root!, 'author').length).toBe(1);
    const links = kids(root!, 'link').map((l) => l.attribs);
    expect(links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${siteUrl}${basePath}${lang}/changes.xml`,
    });
    expect(links).toContainEqual({ rel: 'alternate', type: 'text/html', href: page });
    const items = kids(root!, 'entry');
    expect(items).toHaveLength(entries.length);
    items.forEach((e, i) => {
      expect(one(e, 'id')).toBe(`${page}#change-${entries[i]!.id}`);
      expect(one(e, 'title')).toBe(entries[i]!.title[lang]);
      expect(one(e, 'updated')).toBe(`${entries[i]!.date}T00:00:00Z`);
      expect(one(e, 'summary').length).toBeGreaterThan(20);
      const href = kids(e, 'link')[0]?.attribs?.['href'] ?? '';
      const target = fileFor(`/${new URL(href).pathname.slice(basePath.length)}`);
      expect(target && read(target).includes(`id="${new URL(href).hash.slice(1)}"`), href).toBe(true);
    });
  });

  it('every page’s head names its language’s feed (the language chooser and 404 page name all three), and the file exists', () => {
    const wrong: string[] = [];
    for (const { path, file } of builtPages()) {
      const head = read(file).split('</head>')[0]!;
      const feeds = elements(head, 'link')
        .filter((l) => l.rel === 'alternate' && l.type === 'application/atom+xml')
        .map((l) => l.href);
      const lang = path.split('/')[1]!;
      const expected = (localeCodes as string[]).includes(lang)
        ? [`${basePath}${lang}/changes.xml`]
        : localeCodes.map((l) => `${basePath}${l}/changes.xml`);
      if (JSON.stringify(feeds) !== JSON.stringify(expected))
        wrong.push(`${path}: ${feeds.join(', ') || 'no feed'}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    for (const l of localeCodes) expect(existsSync(join(dist, l, 'changes.xml'))).toBe(true);
  });
});

describe.each(localeCodes)('in %s', (lang) => {
  // The checks that open a page and read it (or follow one link) take turns on one page.
  const reader = sharedPage();

  it('the data page lists every dataset with working JSON and CSV downloads, its licence, and Dataset JSON-LD', async () => {
    const { page, problems, foreign } = await reader();
    await page.goto(url(`/${lang}/data/`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ui[lang].openData.title);
    for (const d of datasets) {
      const title = (ui[lang].openData.datasets as Record<string, { title: string }>)[d.name]!.title;
      expect(await page.getByRole('heading', { level: 2, name: title }).isVisible()).toBe(true);
      const csv = page.getByRole('link', { name: `CSV — ${title}` });
      const res = await page.request.get(new URL((await csv.getAttribute('href'))!, page.url()).href);
      expect(res.ok()).toBe(true);
      expect(parseCsv(await res.text()).length - 1).toBe(json(d.name).rows.length);
    }
    expect(await page.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('rel')).toMatch(/\blicense\b/);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const catalog = (Array.isArray(ld) ? ld : [ld]).find(
      (o: { '@type': string }) => o['@type'] === 'DataCatalog',
    );
    expect(
      catalog.dataset
        .map((d: { distribution: { contentUrl: string }[] }) =>
          d.distribution.map((x) => x.contentUrl.split('/').pop()),
        )
        .flat(),
    ).toEqual(datasets.flatMap((d) => [`${d.name}.json`, `${d.name}.csv`]));
    expect(
      catalog.dataset.every((d: { license: string }) => d.license.startsWith('https://creativecommons.org/')),
    ).toBe(true);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('a figure’s [source] link leads to its row on the sources page, which shows the id of its dataset row', async () => {
    const { page } = await reader();
    await page.goto(url(`/${lang}/pillars/human-capital/`));
    const fig = page.locator('.fig').first();
    const id = await fig.getAttribute('data-figure');
    await fig.locator('a.fig-src').click();
    await page.waitForURL(new RegExp(`/${lang}/sources/#fig-${id}$`));
    const row = page.locator(`#fig-${id}`);
    expect(await row.locator('code').textContent()).toBe(id);
    expect(await row.isVisible()).toBe(true);
    expect(json('figures').rows.some((r: { id: string }) => r.id === id)).toBe(true);

    // The row's first source id leads to that source on the page of its kind.
    const source = row.locator('td:last-child a').first();
    const sourceId = await source.textContent();
    await source.click();
    await page.waitForURL(new RegExp(`/${lang}/sources/[a-z]+/#src-${sourceId}$`));
    const entry = page.locator(`#src-${sourceId}`);
    expect(await entry.isVisible()).toBe(true);
    expect(await entry.evaluate((e) => e.matches(':target'))).toBe(true);
  });

  it('an old link to a source on the sources page goes on to the page of its kind', async () => {
    const { page } = await reader();
    const kind = 'press';
    const id = readYaml<{ id: string; kind: string }[]>('content/data/sources.yaml').find(
      (s) => s.kind === kind,
    )!.id;
    await page.goto(url(`/${lang}/sources/#src-${id}`));
    await page.waitForURL(new RegExp(`/${lang}/sources/${kind}/#src-${id}$`));
    expect(await page.locator(`#src-${id}`).isVisible()).toBe(true);
    // Other anchors of the sources page stay where they are.
    await page.goto(url(`/${lang}/sources/#method`));
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(new RegExp(`/${lang}/sources/#method$`));
  });

  it('the changes page shows each entry, links its feed and the pages it names', async () => {
    const { page, problems } = await reader();
    await page.goto(url(`/${lang}/changes/`));
    const entries =
      readYaml<{ id: string; title: Record<string, string>; pages?: string[] }[]>(
        'content/data/changes.yaml',
      );
    for (const e of entries)
      expect(await page.locator(`#change-${e.id} h2`).textContent()).toBe(e.title[lang]);
    expect(
      await page.getByRole('link', { name: ui[lang].changesPage.feed }).first().getAttribute('href'),
    ).toBe(`${basePath}${lang}/changes.xml`);
    for (const p of entries[0]!.pages ?? [])
      expect(await page.locator(`#change-${entries[0]!.id} a[href="${basePath}${lang}${p}"]`).count()).toBe(
        1,
      );
    expect(problems).toEqual([]);
  });

  it('the translation status lists every translated page with a date per language', () => {
    const html = read(fileFor(`/${lang}/translation-status/`)!);
    const expectedRows = Object.entries(proseFolders)
      .flatMap(([c, folder]) => readdirFr(folder).map((slug) => `${c}/${slug}`))
      .sort();
    const rows = [...html.matchAll(/<tr[^>]*data-page="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(rows).toEqual(expectedRows);
    const cells = [
      ...html.matchAll(/<td[^>]*data-lang="([a-z]{2})"[^>]*><time datetime="(\d{4}-\d{2}-\d{2})"/g),
    ];
    expect(cells.length).toBe(rows.length * localeCodes.length);
    const outdated = Number(/data-outdated-count="(\d+)"/.exec(html)?.[1]);
    expect(
      read(fileFor(`/${lang}/translation-status/`)!).match(
        /data-lang="[a-z]{2}"[^>]*>(?:(?!<\/td>).)*<span class="block text-accent">/g,
      )?.length ?? 0,
    ).toBe(outdated);
  });

  it('the accessibility statement names the standard, the tests, the limitations and how to report', async () => {
    const { page } = await reader();
    await page.goto(url(`/${lang}/accessibility/`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ui[lang].a11yPage.title);
    for (const h of ['standardTitle', 'testsTitle', 'limitsTitle', 'reportTitle'] as const)
      expect(await page.getByRole('heading', { level: 2, name: ui[lang].a11yPage[h] }).isVisible()).toBe(
        true,
      );
    expect(await page.locator('main').textContent()).toContain('WCAG 2.2');
    // The widths it names are those the tests use.
    const a11yRun = readFileSync(join(root, 'tests/support/a11y-run.ts'), 'utf8');
    const shots = readFileSync(join(root, 'tests/e2e-full/screenshots.test.ts'), 'utf8');
    expect(a11yRun).toContain('width: 375');
    expect(shots).toContain('[320, 375, 768, 1280]');
    expect(readFileSync(join(root, 'tests/support/axe.ts'), 'utf8')).toContain("'wcag22aa'");
  });

  it('the estimator offers its result as CSV: the inputs, and the amounts on screen', async () => {
    const { page, problems } = await openPage({ acceptDownloads: true });
    await page.goto(
      url(
        `/${lang}/incentives/estimator/?segment=ito&location=p2i-secondary&hires=40&salary=300000&moroccan=40`,
      ),
    );
    await page.locator('#estimator-results:not([hidden])').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: ui[lang].estimatorCsv.button }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${ui[lang].estimatorCsv.file}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    const c = ui[lang].estimatorCsv;
    expect(rows[0]).toEqual([c.kind, c.label, c.value, c.unit, c.notes]);
    const inputs = rows.filter((r) => r[0] === c.input);
    expect(inputs.map((r) => r[2])).toEqual(expect.arrayContaining(['40', '300000']));
    expect(inputs).toHaveLength(5);
    // Each line's yearly amount, as the table shows it (digits only), and as the page exposes it.
    for (const [incentive, mad] of Object.entries({ air: '1477917', pae: '2040000', paf: '420000' })) {
      const name = ui[lang].estimator.lines[incentive as 'air'];
      const yearly = rows.find(
        (r) => r[0] === c.result && r[1] === `${name} — ${ui[lang].estimator.results.yearly}`,
      );
      expect(yearly?.[2], incentive).toBe(mad);
      expect(yearly?.[3]).toBe('MAD');
      const shown = stripBidiMarks(
        (await page.locator(`[data-incentive="${incentive}"] td`).first().textContent())!,
      ).replace(/\D/g, '');
      expect(shown.startsWith(mad), `${incentive}: ${shown}`).toBe(true);
    }
    const perHire = stripBidiMarks((await page.locator('#estimator-per-hire').textContent())!)
      .split(/[:：]/)
      .pop()!
      .replace(/\D/g, '');
    expect(rows.filter((r) => r[0] === c.summary).map((r) => r[2])).toContain(perHire);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

function readdirFr(collection: string): string[] {
  return readdirSync(join(root, 'content', collection, 'fr'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''));
}
