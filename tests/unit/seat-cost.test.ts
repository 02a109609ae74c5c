/** The cost of a seat, with hand-computed examples (see tests/unit/payroll.test.ts for the payroll lines). */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv';
import { seatCost, seatCosts } from '../../src/lib/seat-cost';
import { parseSeatInput } from '../../src/lib/seat-cost-input';
import { rules } from '../support/rules';

const min = { minMonthly: 3_422.72 };

describe('seat cost', () => {
  const input = { gross: 10_000, seats: 10, moroccan: 4, location: 'p2i-secondary', dependants: 0 } as const;

  it('10 seats at 10,000 MAD a month in a secondary P2I, 4 Moroccan recruits', () => {
    const r = seatCost(input, 'p2i-secondary', rules);
    expect(r.perSeat).toEqual({
      gross: 120_000,
      'employer-contributions': 20_997.6,
      'employer-cost': 140_997.6,
      'employee-contributions': 5_937.6,
      'income-tax': 7_218.72,
      'net-pay': 106_843.68,
      air: 0, // tax 7,218.72 under the 10 % cap of 12,000
      pae: 20_400, // 17 % × 120,000, once
      paf: 1_680, // 3.5 % × 120,000 = 4,200 per recruit × 4 / 10 seats
      'cost-after-incentives': 118_917.6, // 140,997.6 − 20,400 − 1,680
    });
    expect(r.total).toMatchObject({
      'employer-cost': 1_409_976,
      pae: 204_000,
      paf: 16_800,
      'cost-after-incentives': 1_189_176,
      'net-pay': 1_068_436.8,
    });
  });

  it('compares two locations: the cap differs, the rest does not; unknown stays unknown', () => {
    const [a, b, c] = seatCosts({ ...input, gross: 25_000, compare: 'outside-p2i' }, rules);
    expect(a!.location).toBe('p2i-secondary');
    expect(a!.perSeat.air).toBe(36_947.93); // 66,947.93 − 10 % × 300,000
    expect(b!.location).toBe('outside-p2i');
    expect(b!.perSeat.air).toBeNull();
    expect(b!.total.air).toBeNull();
    expect(b!.perSeat['employer-cost']).toBe(a!.perSeat['employer-cost']);
    expect(c).toBeUndefined();
    expect(seatCost({ ...input, gross: 25_000 }, 'p2i-primary', rules).perSeat.air).toBe(6_947.93);
  });

  it('dependants lower the tax and raise the net pay', () => {
    const r = seatCost({ ...input, dependants: 2 }, 'p2i-secondary', rules);
    expect(r.perSeat['income-tax']).toBe(6_218.72);
    expect(r.perSeat['net-pay']).toBe(107_843.68);
  });
});

describe('seat-cost inputs', () => {
  const good = { gross: '10 000', seats: '10', moroccan: '4', location: 'p2i-secondary' };

  it('reads a shared link, dependants 0 by default', () => {
    expect(parseSeatInput(good, min)).toEqual({
      ok: true,
      input: { gross: 10_000, seats: 10, moroccan: 4, location: 'p2i-secondary', dependants: 0 },
    });
    expect(parseSeatInput({ ...good, dependants: '3', compare: 'P2I-PRIMARY' }, min)).toMatchObject({
      ok: true,
      input: { dependants: 3, compare: 'p2i-primary' },
    });
  });

  it.each([
    [{ gross: '3000' }, 'gross:below-minimum:3422.72'],
    [{ gross: '' }, 'gross:required'],
    [{ gross: 'abc' }, 'gross:number'],
    [{ gross: '-5' }, 'gross:negative'],
    [{ gross: '2000000' }, 'gross:too-large:1000000'],
    [{ seats: '0' }, 'seats:zero'],
    [{ seats: '1.5' }, 'seats:whole'],
    [{ moroccan: '11' }, 'moroccan:above-seats:10'],
    [{ dependants: '7' }, 'dependants:too-large:6'],
    [{ location: 'mars' }, 'location:choice'],
    [{ compare: 'p2i-secondary' }, 'compare:same-location'],
  ])('rejects %o', (change, expected) => {
    const r = parseSeatInput({ ...good, ...change }, min);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(
        r.errors.map((e) => [e.field, e.code, e.limit].filter((x) => x !== undefined).join(':')),
      ).toEqual([expected]);
  });
});

describe('CSV', () => {
  it('writes a BOM, CRLF lines and quotes what needs it', () => {
    expect(
      toCsv(
        ['line', 'MAD'],
        [
          ['Gross, "base"', 120000],
          ['Net', 106843.68],
        ],
      ),
    ).toBe('\uFEFFline,MAD\r\n"Gross, ""base""",120000\r\nNet,106843.68\r\n');
  });
});
