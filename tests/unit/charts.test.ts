import { describe, expect, it } from 'vitest';
import { barChart, niceScale, niceStep } from '../../src/lib/charts';

describe('chart scales', () => {
  it.each([
    [6.5, 10],
    [0.3, 0.5],
    [2.2, 2.5],
    [10, 10],
    [40_000, 50_000],
    [67_500, 100_000],
  ])('niceStep(%d) = %d', (raw, step) => {
    expect(niceStep(raw)).toBe(step);
  });

  it('rounds the axis above the largest value', () => {
    expect(niceScale(40)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(26.22)).toEqual({ max: 30, ticks: [0, 10, 20, 30] });
    expect(niceScale(270_000)).toEqual({ max: 300_000, ticks: [0, 100_000, 200_000, 300_000] });
  });

  it('rejects what cannot be drawn', () => {
    expect(() => niceStep(0)).toThrow(RangeError);
    expect(() => barChart([], { width: 100, height: 100, top: 0, bottom: 0, start: 0, end: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      barChart([{ id: 'a', value: -1 }], { width: 100, height: 100, top: 0, bottom: 0, start: 0, end: 0 }),
    ).toThrow(RangeError);
  });
});

describe('bar layout', () => {
  const box = { width: 400, height: 200, top: 10, bottom: 30, start: 40, end: 10, gap: 10, groupGap: 30 };
  const data = [
    { id: '2023', value: 26.17, group: 'year' },
    { id: '2024', value: 26.22, group: 'year' },
    { id: 'h1-2025', value: 13.4, group: 'half' },
    { id: '2030', value: 40, group: 'target' },
  ];

  it('scales heights to the axis and keeps bars inside the plot', () => {
    const { bars, max, baseline } = barChart(data, box);
    expect(max).toBe(40);
    expect(baseline).toBe(170);
    const target = bars.find((b) => b.id === '2030')!;
    expect(target.height).toBe(160); // full plot height
    expect(bars.find((b) => b.id === 'h1-2025')!.height).toBeCloseTo(160 * (13.4 / 40), 0);
    for (const b of bars) {
      expect(b.x).toBeGreaterThanOrEqual(40);
      expect(b.x + b.width).toBeLessThanOrEqual(390.1);
    }
  });

  it('runs time from left to right, and from right to left in Arabic', () => {
    const ltr = barChart(data, box).bars.map((b) => b.x);
    const rtl = barChart(data, box, true).bars.map((b) => b.x);
    expect(ltr).toEqual([...ltr].sort((a, b) => a - b));
    expect(rtl).toEqual([...rtl].sort((a, b) => b - a));
    expect(rtl[0]! + barChart(data, box).bars[0]!.width).toBeCloseTo(400 - ltr[0]!, 0);
  });

  it('leaves a wider gap between groups', () => {
    const [a, b, c] = barChart(data, box).bars;
    expect(b!.x - (a!.x + a!.width)).toBeCloseTo(10, 0);
    expect(c!.x - (b!.x + b!.width)).toBeCloseTo(30, 0);
  });
});
