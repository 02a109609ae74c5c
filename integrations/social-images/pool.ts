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
 * The environment of a drawing process: the build's, with resvg's allocator (mimalloc) told to
 * keep the memory it frees and to ask for 2 MiB pages. Each image needs a fresh 3 MB canvas; by
 * default mimalloc gave it back after each image and the next one faulted it in again, 4 kB at a
 * time, about 1,100 page faults an image, which cost 15–20 ms on a virtual machine (most of the
 * drawing's time). A drawing process ends after `imagesPerChild` images, so what it keeps is
 * bounded. The build's own MIMALLOC_PURGE_DELAY=0 (package.json: the bundler hands freed memory
 * back at once) is the opposite of what a drawing process needs, hence replaced here.
 */
export function drawingEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MIMALLOC_PURGE_DELAY: '-1', MIMALLOC_ALLOW_LARGE_OS_PAGES: '1' };
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
