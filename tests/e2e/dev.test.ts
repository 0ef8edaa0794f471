/** `astro dev` reloads a cable when its file changes, without a restart. */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'cables-dev-'));
const folder = path.join(work, 'cables');
const port = 4300 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}/cables/09USOSCE147/`;
let server: ChildProcess;
let output = '';

async function title(): Promise<string> {
  const html = await (await fetch(url, { signal: AbortSignal.timeout(15_000) })).text();
  return /<h1[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds: number): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const value = await read();
      if (done(value) || Date.now() > until) return value;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  copyFileSync('cables/09USOSCE147.txt', path.join(folder, '09USOSCE147.txt'));
  server = spawn('astro', ['dev', '--foreground', '--host', '127.0.0.1', '--port', String(port)], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))),
      NODE_ENV: 'development',
      CABLES_DIR: folder,
      CABLES_CACHE_DIR: path.join(work, 'cache'),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(title, (value) => value.length > 0, 90);
}, 150_000);

afterAll(() => {
  server?.kill();
});

describe('astro dev', () => {
  it('shows a changed cable after its file is saved', async () => {
    const first = await waitFor(title, (value) => value.includes('LAVROV'), 60);
    expect(first, output).toBe('OSCE: LAVROV AT ASRC ADDS LITTLE ON NEW SECURITY ARCHITECTURE');
    const file = path.join(folder, '09USOSCE147.txt');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('SUBJECT: OSCE: LAVROV AT ASRC ADDS LITTLE', 'SUBJECT: OSCE: LAVROV EDITED IN DEV'),
    );
    const changed = await waitFor(title, (value) => value.includes('EDITED'), 30);
    expect(changed, output).toBe('OSCE: LAVROV EDITED IN DEV ON NEW SECURITY ARCHITECTURE');
    expect(output).toMatch(/Reloaded .*09USOSCE147\.txt/);
  }, 120_000);
});
