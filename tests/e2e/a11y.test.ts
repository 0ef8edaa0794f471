/** axe-core finds no accessibility violations on the main kinds of page, in light and in dark mode. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../build/site.ts';
import { openSite } from './browser.ts';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

const pages = {
  home: '/',
  cable: '/cables/09USOSCE147/',
  tag: '/tags/PARM/',
  origin: '/origins/mission-usnato/',
  date: '/dates/2009/',
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const opened = openSite(siteDir);

describe('axe-core in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(pages)) {
      it(`finds no violations on the ${name} page (${path}) in ${scheme} mode`, async () => {
        const context = await opened.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(`${opened.site.url}${path}`);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe;
          return (await axe.run(document)).violations;
        });
        const summary = violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(' '))
              .join(', ')}`,
        );
        expect(summary).toEqual([]);
        await context.close();
      });
    }
  }
});
