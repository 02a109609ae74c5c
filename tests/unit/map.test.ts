import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { drawMorocco, insideMorocco, moroccoOutline, spread } from '../../src/lib/map';
import { root } from '../support/site';
import topology from 'world-atlas/countries-50m.json';

const parks: { id: string; coordinates: { lat: number; lon: number } }[] = parse(
  readFileSync(join(root, 'content/data/parks.yaml'), 'utf8'),
);
const topo = topology as never;

describe('map of Morocco', () => {
  it.each(parks.map((p) => [p.id, p.coordinates] as const))(
    '%s lies inside the outline',
    (_id, { lon, lat }) => {
      expect(insideMorocco(topo, lon, lat)).toBe(true);
    },
  );

  it('includes the southern provinces in one outline', () => {
    expect(insideMorocco(topo, -13.2, 27.15)).toBe(true); // Laâyoune
    expect(insideMorocco(topo, -11.67, 26.74)).toBe(true); // Smara
    expect(insideMorocco(topo, -14.33, 22.55)).toBe(true); // Aousserd
    expect(insideMorocco(topo, -3.7, 40.4)).toBe(false); // Madrid
    expect(insideMorocco(topo, 3.05, 36.75)).toBe(false); // Algiers
  });

  it('merges the two Natural Earth shapes without an inner border', () => {
    const outline = moroccoOutline(topo);
    expect(outline.type).toBe('MultiPolygon');
    // One mainland polygon: the largest ring spans both the north and the south.
    const mainland = outline.coordinates.map((poly) => poly[0]!).sort((a, b) => b.length - a.length)[0]!;
    const lats = mainland.map(([, lat]) => lat!);
    expect(Math.min(...lats)).toBeLessThan(22);
    expect(Math.max(...lats)).toBeGreaterThan(35);
  });

  it('projects parks into the drawing box, north above south and west left of east', () => {
    const { points, outline } = drawMorocco(
      topo,
      parks.map((p) => ({ id: p.id, ...p.coordinates })),
      400,
      500,
    );
    expect(outline.startsWith('M')).toBe(true);
    for (const p of points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(400);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(500);
    }
    const at = (id: string) => points.find((p) => p.id === id)!;
    expect(at('tetouan-shore').y).toBeLessThan(at('agadir-shore').y);
    expect(at('agadir-shore').x).toBeLessThan(at('oujda-shore').x);
  });

  it('keeps two parks of one city apart', () => {
    const out = spread([
      { id: 'a', lon: 0, lat: 0, x: 10, y: 10 },
      { id: 'b', lon: 0, lat: 0, x: 10, y: 10 },
    ]);
    expect(out[1]).toMatchObject({ x: 19, y: 19 });
  });
});
