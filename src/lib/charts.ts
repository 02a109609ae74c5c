/**
 * Bar-chart geometry for build-time SVG charts. Pure: values in, rectangles and ticks out;
 * labels and number formatting are the caller's. `rtl` mirrors the time axis for Arabic.
 */

/** niceStep(6.5) → 10; niceStep(0.3) → 0.5: 1, 2, 2.5 or 5 times a power of ten, not below `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) throw new RangeError(`step must be positive: ${raw}`);
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 2, 2.5, 5, 10];
  return power * steps.find((s) => s * power >= raw - 1e-12)!;
}

/** Axis from 0 to a round maximum above `max`, with about `count` ticks. */
export function niceScale(max: number, count = 4): { max: number; ticks: number[] } {
  const step = niceStep(max / count);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks = Array.from(
    { length: Math.round(top / step) + 1 },
    (_, i) => Math.round(i * step * 1e9) / 1e9,
  );
  return { max: top, ticks };
}

export interface BarInput {
  id: string;
  value: number;
  group?: string;
}
export interface Bar extends BarInput {
  x: number;
  y: number;
  width: number;
  height: number;
  cx: number;
}
export interface ChartBox {
  width: number;
  height: number;
  top: number;
  bottom: number;
  start: number;
  end: number;
  gap?: number;
  groupGap?: number;
}

/** Lays bars out in order (left to right, or right to left when rtl), with a wider gap between groups. */
export function barChart(data: BarInput[], box: ChartBox, rtl = false) {
  if (data.length === 0) throw new RangeError('no data');
  if (data.some((d) => !(d.value >= 0))) throw new RangeError('bar values must be numbers ≥ 0');
  const { max, ticks } = niceScale(Math.max(...data.map((d) => d.value)));
  const gap = box.gap ?? 12;
  const groupGap = box.groupGap ?? 28;
  const groupBreaks = data.filter((d, i) => i > 0 && d.group !== data[i - 1]!.group).length;
  const plotWidth = box.width - box.start - box.end;
  const barWidth = (plotWidth - gap * (data.length - 1 - groupBreaks) - groupGap * groupBreaks) / data.length;
  const plotHeight = box.height - box.top - box.bottom;
  const yOf = (v: number) => box.top + plotHeight * (1 - v / max);
  let cursor = box.start;
  const bars: Bar[] = data.map((d, i) => {
    if (i > 0) cursor += d.group !== data[i - 1]!.group ? groupGap : gap;
    const ltrX = cursor;
    cursor += barWidth;
    const x = rtl ? box.width - ltrX - barWidth : ltrX;
    const y = yOf(d.value);
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      ...d,
      x: r(x),
      y: r(y),
      width: r(barWidth),
      height: r(box.top + plotHeight - y),
      cx: r(x + barWidth / 2),
    };
  });
  return {
    bars,
    ticks: ticks.map((t) => ({ value: t, y: Math.round(yOf(t) * 10) / 10 })),
    max,
    baseline: box.top + plotHeight,
  };
}
