/**
 * Debian's nginx serving dist/ with server/nginx.conf as an operator installs it: the
 * file goes into an http context like Debian's /etc/nginx/nginx.conf (mime.types, default type)
 * with only its `listen` and `root` lines changed. The test run's own files (pid, logs,
 * temporary folders) are in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../support/site';

export const nginxBinary = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const configFile = join(root, 'server/nginx.conf');

/** The config with the two operator lines set: exactly one `listen … # CHANGE` and one `root … # CHANGE` line. */
export function operatorConfig(listen: string, dist: string): string {
  const text = readFileSync(configFile, 'utf8');
  const lines = text.split('\n');
  const marked = lines.filter((l) => /#\s*CHANGE\b/.test(l));
  const listenLines = marked.filter((l) => /^\s*listen\s/.test(l));
  const rootLines = marked.filter((l) => /^\s*root\s/.test(l));
  if (marked.length !== 2 || listenLines.length !== 1 || rootLines.length !== 1) {
    throw new Error(
      `${configFile}: expected exactly two lines marked CHANGE, one listen and one root; found ${marked.length}`,
    );
  }
  return lines
    .map((l) =>
      l === listenLines[0]
        ? l.replace(/listen\s+[^;]+;/, `listen ${listen};`)
        : l === rootLines[0]
          ? l.replace(/root\s+[^;]+;/, `root ${dist};`)
          : l,
    )
    .join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningNginx {
  origin: string;
  stop: () => Promise<void>;
  errors: () => string;
}

export async function startNginx(dist: string): Promise<RunningNginx> {
  if (!existsSync(nginxBinary))
    throw new Error(
      `${nginxBinary} not found: run the tests with \`npm run test:full\`, which installs Debian's nginx-light (or set NGINX_PATH)`,
    );
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'om-nginx-'));
  writeFileSync(join(dir, 'site.conf'), operatorConfig(`127.0.0.1:${port}`, dist));
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''; // workers must read the checkout, wherever it is
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${user}daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const check = spawn(nginxBinary, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const checkErr = await new Promise<string>((resolve) => {
    let err = '';
    check.stderr.on('data', (d) => (err += d));
    check.on('close', (code) => resolve(code === 0 ? '' : err || `nginx -t exited with ${code}`));
  });
  if (checkErr) throw new Error(`server/nginx.conf does not load in nginx: ${checkErr}`);
  const proc: ChildProcess = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (i > 100 || proc.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    errors: () =>
      (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '') + stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        proc.kill('SIGQUIT');
      }),
  };
}
