/**
 * A bounded pool of child processes that draw social images (render-worker.mjs), one image at a
 * time each. Child processes rather than worker threads: resvg's native memory then grows in
 * them, not in the build's process (which already holds Astro's pages), and a child is ended
 * after `imagesPerChild` images, so memory stays flat however many pages the site has. The
 * children lower their own priority (render-worker.mjs): the build draws beside its other steps
 * (integrations/offshoring.ts), and they take the cores those steps leave idle.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const workerFile = fileURLToPath(new URL('./render-worker.mjs', import.meta.url));

interface Job {
  svg: string;
  resolve(png: Uint8Array): void;
  reject(e: Error): void;
}
interface Child {
  process: ChildProcess;
  done: number;
  job?: Job | undefined;
}
type Reply = { id: number; png: Uint8Array } | { id: number; error: string };

export interface RenderPool {
  render(svg: string): Promise<Uint8Array>;
  close(): void;
}

/**
 * The environment of a drawing process: the build's, without the build's MIMALLOC_PURGE_DELAY
 * (package.json: the bundler's allocator hands freed memory back at once, 13 % less peak memory
 * at 10× the pages for no time). resvg has mimalloc too, and with it every image freed its
 * memory page by page: the drawing took 42–47 → 80 s at 10×.
 */
export function drawingEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MIMALLOC_PURGE_DELAY: _, ...rest } = env;
  return rest;
}

export function renderPool({
  size,
  options,
  imagesPerChild = 150,
}: {
  size: number;
  options: ResvgRenderOptions;
  imagesPerChild?: number;
}): RenderPool {
  const queue: Job[] = [];
  const children: (Child | undefined)[] = Array.from({ length: size }, () => undefined);
  let closed = false;

  const start = (slot: number): Child => {
    const child: Child = {
      process: fork(workerFile, [], {
        execArgv: [],
        env: drawingEnv(process.env),
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
      done: 0,
    };
    child.process.on('message', (reply: Reply) => {
      const job = child.job;
      child.job = undefined;
      child.done += 1;
      if (job) {
        if ('error' in reply) job.reject(new Error(`social image: resvg failed: ${reply.error}`));
        else job.resolve(new Uint8Array(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      }
      if (child.done >= imagesPerChild) {
        child.process.disconnect();
        children[slot] = undefined;
      }
      next();
    });
    child.process.on('exit', (code) => {
      if (children[slot] === child) children[slot] = undefined;
      if (child.job) {
        child.job.reject(new Error(`social image: the drawing process ended (exit code ${code})`));
        child.job = undefined;
      }
      next();
    });
    children[slot] = child;
    return child;
  };

  const next = () => {
    for (let slot = 0; slot < size && queue.length > 0 && !closed; slot++) {
      const child = children[slot] ?? start(slot);
      if (child.job) continue;
      child.job = queue.shift()!;
      child.process.send({ id: child.done, svg: child.job.svg, options });
    }
  };

  return {
    render(svg) {
      return new Promise((resolve, reject) => {
        queue.push({ svg, resolve, reject });
        next();
      });
    },
    close() {
      closed = true;
      for (const c of children) if (c?.process.connected) c.process.disconnect();
    },
  };
}
