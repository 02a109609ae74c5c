/**
 * Map of Morocco drawn at build time: Natural Earth (world-atlas) splits Morocco and its southern
 * provinces into two shapes; we merge them into one outline with no line between them, as
 * official Moroccan maps show the country. Pure: the topology is an argument.
 */
import { geoConicConformal, geoContains, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { MultiPolygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** ISO 3166-1 numeric ids in world-atlas: Morocco and the southern provinces. */
export const moroccoIds = ['504', '732'] as const;

export function moroccoOutline(topology: Topology): MultiPolygon {
  const countries = topology.objects['countries'] as GeometryCollection;
  const parts = countries.geometries.filter((g) => (moroccoIds as readonly string[]).includes(String(g.id)));
  if (parts.length !== moroccoIds.length) throw new Error('world-atlas: Morocco shapes not found');
  return merge(topology, parts as never);
}

/** Neighbours drawn faintly for context: Spain, Portugal, Algeria, Mauritania. */
export const neighbourIds = ['724', '620', '012', '478'] as const;

export function neighbours(topology: Topology) {
  const countries = topology.objects['countries'] as GeometryCollection;
  const others = {
    type: 'GeometryCollection',
    geometries: countries.geometries.filter((g) =>
      (neighbourIds as readonly string[]).includes(String(g.id)),
    ),
  } as GeometryCollection;
  return feature(topology, others);
}

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
}
export interface ProjectedPoint extends MapPoint {
  x: number;
  y: number;
}

type Drawing = ReturnType<typeof drawMoroccoOnce>;
const drawings = new WeakMap<Topology, Map<string, Drawing>>();

/**
 * A projection fitted to Morocco in a width × height box, and everything drawn with it. Every
 * page with the map draws the same one: a drawing is kept for the same topology and arguments.
 */
export function drawMorocco(
  topology: Topology,
  points: MapPoint[],
  width: number,
  height: number,
  padding = 12,
  tolerance = simplifyTolerance,
): Drawing {
  let kept = drawings.get(topology);
  if (!kept) drawings.set(topology, (kept = new Map()));
  const key = JSON.stringify([points, width, height, padding, tolerance]);
  let drawing = kept.get(key);
  if (!drawing)
    kept.set(key, (drawing = drawMoroccoOnce(topology, points, width, height, padding, tolerance)));
  return drawing;
}

function drawMoroccoOnce(
  topology: Topology,
  points: MapPoint[],
  width: number,
  height: number,
  padding: number,
  tolerance: number,
) {
  const outline = moroccoOutline(topology);
  const projection = geoConicConformal()
    .parallels([27, 35])
    .rotate([7, 0])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      outline,
    );
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const draw = (object: GeoPermissibleObjects) => {
    const rings = new RingRecorder();
    geoPath(projection, rings)(object);
    return ringsToPath(rings.rings, tolerance);
  };
  const round = (n: number) => Math.round(n * 10) / 10;
  const projected: ProjectedPoint[] = points.map((p) => {
    const xy = projection([p.lon, p.lat]);
    if (!xy) throw new Error(`cannot project ${p.id}`);
    return { ...p, x: round(xy[0]), y: round(xy[1]) };
  });
  return {
    outline: draw(outline),
    neighbours: draw(neighbours(topology) as GeoPermissibleObjects),
    // Two parks in one city (Casanearshore and Casablanca Tech Valley) sit apart by more than
    // two markers' width, so neither covers the other.
    points: spread(projected, 12),
  };
}

/**
 * How far (drawing units) a simplified outline may stray from Natural Earth's: the map is shown at
 * most about 450 px wide for 360 units, so 0.4 is half a pixel. It halves the map's bytes in every
 * page that shows it.
 */
export const simplifyTolerance = 0.4;

export type XY = readonly [number, number];

/** A d3-geo path context that keeps the rings it is given, rather than writing them out. */
export class RingRecorder {
  rings: XY[][] = [];
  private ring: XY[] | undefined;
  moveTo(x: number, y: number) {
    this.ring = [[x, y]];
    this.rings.push(this.ring);
  }
  lineTo(x: number, y: number) {
    this.ring?.push([x, y]);
  }
  closePath() {
    this.ring = undefined;
  }
  beginPath() {}
  arc() {
    // Points are drawn as circles; the map draws only areas.
  }
}

const distanceToSegment = ([px, py]: XY, [ax, ay]: XY, [bx, by]: XY) => {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/**
 * Douglas–Peucker: the points of `line` to keep so that the line drawn through them stays within
 * `tolerance` of every point left out. The first and last points are always kept.
 */
export function simplifyLine(line: readonly XY[], tolerance: number): XY[] {
  if (line.length < 3) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const spans: [number, number][] = [[0, line.length - 1]];
  for (let span = spans.pop(); span; span = spans.pop()) {
    const [from, to] = span;
    let far = -1;
    let farthest = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(line[i]!, line[from]!, line[to]!);
      if (d > farthest) [far, farthest] = [i, d];
    }
    if (far < 0) continue;
    keep[far] = 1;
    spans.push([from, far], [far, to]);
  }
  return line.filter((_, i) => keep[i]);
}

/**
 * A closed ring simplified as two lines that meet at its first point and at the point farthest from
 * it; undefined when fewer than three points would be left (a speck of an island).
 */
export function simplifyRing(ring: readonly XY[], tolerance: number): XY[] | undefined {
  const [first] = ring;
  if (!first) return undefined;
  const open =
    ring.length > 1 && ring.at(-1)![0] === first[0] && ring.at(-1)![1] === first[1]
      ? ring.slice(0, -1)
      : ring;
  let far = 0;
  open.forEach((p, i) => {
    if (
      Math.hypot(p[0] - first[0], p[1] - first[1]) >
      Math.hypot(open[far]![0] - first[0], open[far]![1] - first[1])
    )
      far = i;
  });
  const kept = [
    ...simplifyLine(open.slice(0, far + 1), tolerance),
    ...simplifyLine([...open.slice(far), first], tolerance).slice(1, -1),
  ];
  return kept.length >= 3 ? kept : undefined;
}

/** A tenth of a drawing unit as SVG path text, without a leading zero: 5 → '.5', -123 → '-12.3'. */
const tenths = (n: number) => `${n < 0 ? '-' : ''}${(Math.abs(n) / 10).toString().replace(/^0\./, '.')}`;

/**
 * Closed rings as one compact SVG path: simplified (simplifyRing), on a grid of tenths, the first
 * point of each ring absolute and the others relative to the point before (`l`), which takes
 * fewer characters than absolute coordinates once the shape is detailed.
 */
export function ringsToPath(rings: readonly (readonly XY[])[], tolerance: number): string {
  let d = '';
  for (const ring of rings) {
    const kept = simplifyRing(ring, tolerance);
    if (!kept) continue;
    const grid = kept.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
    const numbers: number[] = [];
    for (let i = 1; i < grid.length; i++) {
      const dx = grid[i]![0] - grid[i - 1]![0];
      const dy = grid[i]![1] - grid[i - 1]![1];
      if (dx !== 0 || dy !== 0) numbers.push(dx, dy);
    }
    if (numbers.length < 4) continue;
    const text = numbers.map(tenths).reduce((out, n) => `${out}${n.startsWith('-') ? '' : ' '}${n}`);
    d += `M${tenths(grid[0]![0])} ${tenths(grid[0]![1])}l${text}z`;
  }
  return d;
}

/** Moves points that fall on the same spot a few pixels apart, so each marker can be clicked. */
export function spread(points: ProjectedPoint[], gap = 9): ProjectedPoint[] {
  const seen = new Map<string, number>();
  return points.map((p) => {
    const key = `${p.x},${p.y}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? p : { ...p, x: p.x + gap * n, y: p.y + gap * n };
  });
}

/** Whether a longitude/latitude lies inside the merged outline. */
export function insideMorocco(topology: Topology, lon: number, lat: number): boolean {
  return geoContains({ type: 'Feature', properties: {}, geometry: moroccoOutline(topology) }, [lon, lat]);
}

/** A box in the drawing's coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface LabelInput {
  id: string;
  x: number;
  y: number;
  text: string;
  radius: number;
}
export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

/**
 * A generous width for a label at `fontSize` (drawing units), any script: the real width in
 * Inter or Noto Sans Arabic stays below it, so boxes that do not touch here do not touch on
 * screen. estimateLabelWidth('Casablanca', 12) → 89.
 */
export function estimateLabelWidth(text: string, fontSize = 12): number {
  return Math.ceil([...text].length * fontSize * 0.62 + fontSize * 0.5);
}

export const overlaps = (a: Box, b: Box, gap = 0) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

const area = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Places map labels so that none overlaps another label or another marker and all stay inside
 * the width × height drawing («سلا», «الدار البيضاء» and «فاس» collided, a label sat on
 * a neighbouring marker). Each label tries east, west, north, south, then the diagonals, and
 * takes the first free spot; when none is free, the one with the least overlap. Pure, greedy, in
 * the order given. `fontSize` is in drawing units; boxes use the text's ascent and descent.
 */
export function placeLabels(
  labels: LabelInput[],
  markers: { x: number; y: number; radius: number }[],
  width: number,
  height: number,
  fontSize = 12,
  gap = 2,
): PlacedLabel[] {
  const ascent = fontSize * 1.05;
  const descent = fontSize * 0.35;
  const markerBoxes = markers.map((m) => ({
    x: m.x - m.radius,
    y: m.y - m.radius,
    width: 2 * m.radius,
    height: 2 * m.radius,
  }));
  const placed: PlacedLabel[] = [];
  for (const l of labels) {
    const w = estimateLabelWidth(l.text, fontSize);
    const d = l.radius + 3;
    const mid = l.y + (ascent - descent) / 2; // baseline that centres the text on the marker
    const candidates: Omit<PlacedLabel, 'id' | 'text' | 'box'>[] = [
      { x: l.x + d, y: mid, anchor: 'start' },
      { x: l.x - d, y: mid, anchor: 'end' },
      { x: l.x, y: l.y - d - descent, anchor: 'middle' },
      { x: l.x, y: l.y + d + ascent, anchor: 'middle' },
      { x: l.x + d * 0.7, y: l.y - d * 0.7 - descent, anchor: 'start' },
      { x: l.x - d * 0.7, y: l.y - d * 0.7 - descent, anchor: 'end' },
      { x: l.x + d * 0.7, y: l.y + d * 0.7 + ascent, anchor: 'start' },
      { x: l.x - d * 0.7, y: l.y + d * 0.7 + ascent, anchor: 'end' },
    ];
    const round = (n: number) => Math.round(n * 10) / 10;
    const scored = candidates.map((c) => {
      const left = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
      const box = { x: round(left), y: round(c.y - ascent), width: w, height: round(ascent + descent) };
      const outside = box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height;
      const others = markerBoxes.filter(
        (m) => !(Math.abs(m.x + m.width / 2 - l.x) < 0.01 && Math.abs(m.y + m.height / 2 - l.y) < 0.01),
      );
      const cost =
        [...placed.map((p) => p.box), ...others].reduce(
          (sum, b) => sum + (overlaps(box, b, gap) ? 1 + area(box, b) : 0),
          0,
        ) + (outside ? 1e6 : 0);
      return { ...c, x: round(c.x), y: round(c.y), box, cost };
    });
    const best = scored.find((s) => s.cost === 0) ?? scored.reduce((a, b) => (b.cost < a.cost ? b : a));
    placed.push({ id: l.id, text: l.text, x: best.x, y: best.y, anchor: best.anchor, box: best.box });
  }
  return placed;
}
