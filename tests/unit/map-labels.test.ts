/** Map labels: none covers another label or another park's marker, in any language. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import topology from 'world-atlas/countries-50m.json';
import { drawMorocco, estimateLabelWidth, overlaps, placeLabels } from '../../src/lib/map';
import { localeCodes, root } from '../support/site';

type Park = {
  id: string;
  status: string;
  city: Record<string, string>;
  coordinates: { lat: number; lon: number };
};
// In the map's order: P2I parks first (src/components/sections/ParkMap.astro).
const rank: Record<string, number> = { 'p2i-primary': 0, 'p2i-secondary': 1, other: 2 };
const parks: Park[] = (parse(readFileSync(join(root, 'content/data/parks.yaml'), 'utf8')) as Park[]).sort(
  (a, b) => rank[a.status]! - rank[b.status]!,
);
const { points } = drawMorocco(
  topology as never,
  parks.map((p) => ({ id: p.id, ...p.coordinates })),
  360,
  440,
);

describe('placeLabels', () => {
  it('puts a lone label east of its marker, centred on it', () => {
    const [l] = placeLabels(
      [{ id: 'a', x: 100, y: 100, text: 'Fès', radius: 6 }],
      [{ x: 100, y: 100, radius: 6 }],
      360,
      440,
    );
    expect(l).toMatchObject({ anchor: 'start', x: 109 });
    expect(l!.box.y).toBeLessThan(100);
    expect(l!.box.y + l!.box.height).toBeGreaterThan(100);
  });

  it('moves a label off a neighbour marker to the east', () => {
    const markers = [
      { x: 100, y: 100, radius: 6 },
      { x: 130, y: 100, radius: 6 },
    ];
    const [l] = placeLabels([{ id: 'a', x: 100, y: 100, text: 'Salé', radius: 6 }], markers, 360, 440);
    expect(l!.anchor).not.toBe('start');
    expect(overlaps(l!.box, { x: 124, y: 94, width: 12, height: 12 })).toBe(false);
  });

  it('keeps labels inside the drawing at its edge', () => {
    const [l] = placeLabels(
      [{ id: 'a', x: 355, y: 100, text: 'Oujda', radius: 6 }],
      [{ x: 355, y: 100, radius: 6 }],
      360,
      440,
    );
    expect(l!.box.x + l!.box.width).toBeLessThanOrEqual(360);
  });

  it('estimates widths above what the site fonts draw (Casablanca 69 units, الدار البيضاء 60 in Chromium)', () => {
    expect(estimateLabelWidth('Casablanca')).toBeGreaterThan(69);
    expect(estimateLabelWidth('الدار البيضاء')).toBeGreaterThan(60);
    expect(estimateLabelWidth('فاس')).toBeGreaterThan(24);
  });

  const short = (s: string) => s.split(/[(,،/]/)[0]!.trim();
  const cases = localeCodes.flatMap((lang) =>
    [undefined, ...parks.map((p) => p.id)].map((highlight) => [lang, highlight ?? 'none'] as const),
  );
  it.each(cases)(
    'the parks map in %s (highlight: %s) has no label over another label or marker',
    (lang, highlight) => {
      const radius = (id: string) => (id === highlight ? 9.25 : 6.25);
      const seen = new Set<string>();
      const wanted = points.flatMap((pt) => {
        const text = short(parks.find((p) => p.id === pt.id)!.city[lang]!);
        if (seen.has(text)) return [];
        seen.add(text);
        return [{ id: pt.id, x: pt.x, y: pt.y, text, radius: radius(pt.id) }];
      });
      const markers = points.map((p) => ({ id: p.id, x: p.x, y: p.y, radius: radius(p.id) }));
      const placed = placeLabels(wanted, markers, 360, 440);
      expect(placed.map((p) => p.text)).toHaveLength(wanted.length);
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1))
          expect(overlaps(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
        for (const m of markers.filter((m) => m.id !== a.id)) {
          expect(
            overlaps(a.box, {
              x: m.x - m.radius,
              y: m.y - m.radius,
              width: 2 * m.radius,
              height: 2 * m.radius,
            }),
            `${a.text} over marker ${m.id}`,
          ).toBe(false);
        }
      }
    },
  );

  it('keeps the two Casablanca parks apart, even with one of them highlighted', () => {
    const a = points.find((p) => p.id === 'casanearshore')!;
    const b = points.find((p) => p.id === 'casablanca-tech-valley')!;
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(9.25 + 6.25);
  });
});
