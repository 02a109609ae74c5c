import { describe, expect, it } from 'vitest';
import { newBuildRun, runSteps, steps, type BuildRun, type Step } from '../../integrations/offshoring';

/** A build run whose log lines are collected, as `step: line` without the timing. */
function run() {
  const lines: string[] = [];
  const logger = {
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    fork: (label: string) => ({
      ...logger,
      info: (m: string) => void lines.push(`${label}: ${m.split(';')[0]}`),
    }),
  } as unknown as BuildRun['logger'];
  return {
    lines,
    b: newBuildRun({ root: '/r', dist: '/r/dist', base: '/', site: '', languages: ['fr'], logger }),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the steps after the build', () => {
  it('draws the social images beside the steps that do not read them, after the search index and the offline copy', () => {
    const names = steps.map((s) => s.name);
    expect(steps.filter((s) => s.beside).map((s) => s.name)).toEqual(['social-images']);
    expect(names.indexOf('social-images')).toBeGreaterThan(names.indexOf('offline'));
    expect(names.at(-1)).toBe('precompress');
  });

  it('runs a step marked beside while the next ones run, and waits for it at the end', async () => {
    const { lines, b } = run();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const order: Step[] = [
      { name: 'first', run: async () => 'one' },
      { name: 'aside', beside: true, run: async () => (await slow, 'aside done') },
      { name: 'next', run: async () => (release(), await tick(), 'two') },
      { name: 'last', run: async () => 'three' },
    ];
    await runSteps(order, b);
    expect(lines).toEqual(['first: one', 'aside: aside done', 'next: two', 'last: three']);
  });

  it('logs a step beside when it ends, and has not ended before it has', async () => {
    const { lines, b } = run();
    let ended = false;
    const done = runSteps(
      [
        { name: 'aside', beside: true, run: async () => (await tick(), await tick(), 'drawn') },
        { name: 'quick', run: async () => 'fast' },
      ],
      b,
    ).then(() => (ended = true));
    await tick();
    expect(ended).toBe(false);
    await done;
    expect(lines).toEqual(['quick: fast', 'aside: drawn']);
  });

  it('when a later step fails, waits for the step beside to end before failing with that error', async () => {
    const { b } = run();
    let asideEnded = false;
    await expect(
      runSteps(
        [
          {
            name: 'aside',
            beside: true,
            run: async () => (await tick(), await tick(), (asideEnded = true), 'x'),
          },
          {
            name: 'broken',
            run: async () => {
              throw new Error('printing failed');
            },
          },
        ],
        b,
      ),
    ).rejects.toThrow('printing failed');
    expect(asideEnded).toBe(true);
  });

  it('fails with the error of a step beside, after the other steps', async () => {
    const { lines, b } = run();
    await expect(
      runSteps(
        [
          {
            name: 'aside',
            beside: true,
            run: async () => {
              throw new Error('resvg failed');
            },
          },
          { name: 'next', run: async () => (await tick(), 'ok') },
        ],
        b,
      ),
    ).rejects.toThrow('resvg failed');
    expect(lines).toEqual(['next: ok']);
  });
});
