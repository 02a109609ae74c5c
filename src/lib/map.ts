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
  const others = { type: 'GeometryCollection', geometries: countries.geometries.filter((g) => (neighbourIds as readonly string[]).includes(String(g.id))) } as GeometryCollection;
  return feature(topology, others);
}

export interface MapPoint { id: string; lon: number; lat: number }
export interface ProjectedPoint extends MapPoint { x: number; y: number }

/** A projection fitted to Morocco in a width × height box, and everything drawn with it. */
export function drawMorocco(topology: Topology, points: MapPoint[], width: number, height: number, padding = 12) {
  const outline = moroccoOutline(topology);
  const projection = geoConicConformal().parallels([27, 35]).rotate([7, 0]).fitExtent([[padding, padding], [width - padding, height - padding]], outline);
  projection.clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(1);
  const round = (n: number) => Math.round(n * 10) / 10;
  const projected: ProjectedPoint[] = points.map((p) => {
    const xy = projection([p.lon, p.lat]);
    if (!xy) throw new Error(`cannot project ${p.id}`);
    return { ...p, x: round(xy[0]), y: round(xy[1]) };
  });
  return {
    outline: path(outline) ?? '',
    neighbours: path(neighbours(topology) as GeoPermissibleObjects) ?? '',
    points: spread(projected),
  };
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
