import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  drawMorocco,
  insideMorocco,
  moroccoOutline,
  ringsToPath,
  simplifyLine,
  simplifyRing,
  spread,
  type XY,
} from '../../src/lib/map';
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

/** Distance from p to the segment a–b. */
const toSegment = ([px, py]: XY, [ax, ay]: XY, [bx, by]: XY) => {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
};

/** The absolute points of each ring of a path written by ringsToPath (M x y l dx dy … z). */
const readPath = (d: string): XY[][] =>
  [...d.matchAll(/M([^l]+)l([^z]+)z/g)].map(([, start, rest]) => {
    const numbers = (s: string) => s.match(/-?(\d+\.?\d*|\.\d+)/g)!.map(Number);
    const ring: XY[] = [numbers(start!) as unknown as XY];
    const moves = numbers(rest!);
    for (let i = 0; i < moves.length; i += 2) {
      const [x, y] = ring.at(-1)!;
      ring.push([Math.round((x + moves[i]!) * 10) / 10, Math.round((y + moves[i + 1]!) * 10) / 10]);
    }
    return ring;
  });

describe('simplified outlines', () => {
  // A wavy line: a pseudo-random walk, the same on every run.
  const walk: XY[] = Array.from({ length: 400 }, (_, i) => [
    i * 0.3,
    5 * Math.sin(i / 7) + ((i * 7919) % 13) / 20,
  ]);

  it('keeps the ends, and every point it drops stays within the tolerance of the line it keeps', () => {
    const kept = simplifyLine(walk, 0.4);
    expect(kept[0]).toEqual(walk[0]);
    expect(kept.at(-1)).toEqual(walk.at(-1));
    expect(kept.length).toBeLessThan(walk.length / 2);
    for (const p of walk) {
      const nearest = Math.min(...kept.slice(1).map((b, i) => toSegment(p, kept[i]!, b)));
      expect(nearest).toBeLessThanOrEqual(0.4 + 1e-9);
    }
  });

  it('drops the middle of a straight line, and specks too small to draw', () => {
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ],
        0.1,
      ),
    ).toEqual([
      [0, 0],
      [3, 3],
    ]);
    expect(
      simplifyRing(
        [
          [0, 0],
          [0.1, 0],
          [0.1, 0.1],
          [0, 0],
        ],
        0.4,
      ),
    ).toBeUndefined();
    expect(
      simplifyRing(
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        0.4,
      ),
    ).toHaveLength(4);
  });

  it('writes rings as relative moves that lead back to the same points, on a grid of tenths', () => {
    const square: XY[] = [
      [10.04, 20],
      [30, 20],
      [30, 0.5],
      [10, 0.5],
    ];
    const d = ringsToPath([square], 0.4);
    expect(d).toBe('M10 20l20 0 0-19.5-20 0z');
    expect(readPath(d)).toEqual([
      [
        [10, 20],
        [30, 20],
        [30, 0.5],
        [10, 0.5],
      ],
    ]);
  });

  it("draws Morocco's outline within half a pixel of Natural Earth's", () => {
    const mainland = (d: string) => readPath(d).sort((a, b) => b.length - a.length)[0]!;
    const full = mainland(drawMorocco(topo, [], 360, 440, 12, 0).outline);
    const simple = mainland(drawMorocco(topo, [], 360, 440).outline);
    expect(simple.length).toBeLessThan(full.length / 2);
    const closed = [...simple, simple[0]!];
    // The tolerance, plus the grid of tenths (at most 0.07 a point, for either drawing).
    for (const p of full)
      expect(Math.min(...closed.slice(1).map((b, i) => toSegment(p, closed[i]!, b)))).toBeLessThanOrEqual(
        0.4 + 0.15,
      );
  });
});
