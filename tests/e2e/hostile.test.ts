/**
 * A folder of bad and hostile cables, built as a site of its own: every problem is reported
 * with its file and line, the good cables are still built, and nothing a cable says runs
 * or renders as markup in the browser.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, type Site, serve } from './browser.ts';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'cables-hostile-'));
const folder = path.join(work, 'cables');
const outDir = path.join(work, 'dist');

/** Builds the folder; resolves with the exit code and everything the build printed. */
async function build(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('astro', ['build', '--outDir', outDir], {
      env: { ...process.env, CABLES_DIR: folder, CABLES_CACHE_DIR: path.join(work, 'cache'), NO_COLOR: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

let strict: { code: number; output: string };
let skipping: { code: number; output: string };
let site: Site;
let browser: Browser;

beforeAll(async () => {
  cpSync('tests/fixtures/hostile-site', folder, { recursive: true });
  mkdirSync(path.join(folder, 'nested'));
  writeFileSync(path.join(folder, 'nested', '09NESTED1.txt'), readFileSync(path.join(folder, '09HOSTILE2.txt')));
  symlinkSync(path.resolve('cables/09USOSCE147.txt'), path.join(folder, '09USOSCE147.txt'));
  writeFileSync(path.join(folder, '09HUGE1.txt'), Buffer.alloc(20 * 1024 * 1024, 'A'));
  strict = await build({});
  skipping = await build({ CABLES_ON_ERROR: 'skip' });
  site = await serve(outDir);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const problems = [
  ['09EMPTY1.txt:1:1', 'cable/empty-file'],
  ['09BADDATE1.txt:3:1', 'cable/bad-date'],
  ['09BINARY1.txt:1:1', 'cable/binary'],
  ['09HUGE1.txt:1:1', 'cable/too-large'],
  ['09HOSTILE2.txt:1:1', 'cable/duplicate-id'],
  ['09WRONGNAME9.txt:1:1', 'cable/file-name-mismatch'],
  ['notes.md:1:1', 'cable/not-a-cable-file'],
  ['nested:1:1', 'cable/not-a-cable-file'],
  ['09USOSCE147.txt:1:1', 'cable/not-a-cable-file'],
] as const;

describe('a folder of bad and hostile cables', () => {
  it('fails by default, after reading every file, listing every problem with its place', () => {
    expect(strict.code).not.toBe(0);
    for (const [place, rule] of problems) {
      expect(strict.output).toMatch(new RegExp(`${place.replace('.', '\\.')}\\s+(?:error|warning)\\s+.+\\s+${rule}`));
    }
    expect(strict.output).toMatch(/5 cable file\(s\) could not be read/);
    expect(strict.output).toMatch(/CABLES_ON_ERROR=skip/);
  });

  it('with CABLES_ON_ERROR=skip, builds the good cables and lists the skipped ones on the build report', () => {
    expect(skipping.code, skipping.output).toBe(0);
    expect(skipping.output).toMatch(/3 cables \(.*\), .* 5 failed/);
    for (const id of ['09HOSTILE1', '09HOSTILE2', '09HOSTILE3']) {
      expect(readFileSync(path.join(outDir, 'cables', id, 'index.html'), 'utf8')).toContain('<h1');
    }
    const report = readFileSync(path.join(outDir, 'build-report', 'index.html'), 'utf8');
    for (const file of ['09EMPTY1.txt', '09BADDATE1.txt', '09BINARY1.txt', '09HUGE1.txt', 'notes.md', 'nested']) {
      expect(report).toContain(file);
    }
  });

  it('shows hostile text exactly as written and runs none of it', async () => {
    const context = await newContext(browser);
    const dialogs: string[] = [];
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    for (const url of ['/cables/09HOSTILE1/', '/', '/tags/', '/tags/SCRIPT/', '/build-report/', '/search/?q=script']) {
      await page.goto(`${site.url}${url}`);
      await page.waitForLoadState('networkidle');
      const injected = await page.evaluate(() => ({
        images: document.querySelectorAll('img[onerror], img[src="x"]').length,
        frames: document.querySelectorAll('iframe').length,
        handlers: document.querySelectorAll('[onclick], [onload], [onerror]').length,
        javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')!)).length,
        inlineScripts: [...document.querySelectorAll('script')].filter((s) => /alert\(/.test(s.textContent ?? '')).length,
        emphasis: document.querySelectorAll(
          '.cable-body :is(strong, em, b, i, code, img, a:not(.par-link):not(.par-anchor)), h1 :is(strong, em, b, i, img, a)',
        ).length,
        hidden: getComputedStyle(document.body).display === 'none',
      }));
      expect(injected, url).toEqual({
        images: 0,
        frames: 0,
        handlers: 0,
        javascriptLinks: 0,
        inlineScripts: 0,
        emphasis: 0,
        hidden: false,
      });
    }
    await page.goto(`${site.url}/cables/09HOSTILE1/`);
    // biome-ignore lint/performance/useDomNodeTextContent: the test reads the text a person sees
    const text = await page.locator('main').innerText();
    for (const literal of [
      "<script>alert('subject')</script> & <b>bold</b> &amp;",
      "<script>alert('body')</script>",
      "<img src=x onerror=alert('img')>",
      '</pre></p></div>',
      '&lt;escaped&gt;',
      '&#60;script&#62;',
      '**bold** and __under__ and `code`',
      "[a link](javascript:alert('link'))",
      '<!-- a comment -->',
      '# not a heading',
      '| not | a | table |',
      '> not a quote',
      '&amp;amp; &copy; &nbsp;',
      '\\*escaped\\*',
      '<SCRIPT>',
    ]) {
      expect(text, literal).toContain(literal);
    }
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('keeps the same text in the JSON export', async () => {
    const exported = readFileSync(path.join(outDir, 'cables', '09HOSTILE1.json'), 'utf8');
    const data = JSON.parse(exported) as { subject?: string; frontmatter?: { subject: string } };
    const subject = data.frontmatter?.subject ?? data.subject;
    expect(subject).toBe("<script>alert('subject')</script> & <b>bold</b> &amp; [x](javascript:alert(1))");
  });
});
