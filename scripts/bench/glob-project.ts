/**
 * The baseline the issue compares against: the same cables as Markdown files, read by Astro's own
 * glob() loader into a one-line page template, in a throwaway project that borrows this project's
 * node_modules. Pagefind's CLI indexes its output afterwards, as a site without an integration would.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { decodeCable, parseCable } from '../../src/lib/cable/index.ts';

const config = `import { defineConfig } from 'astro/config';
export default defineConfig({ build: { format: 'directory' }, devToolbar: { enabled: false } });
`;

const contentConfig = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { cables: defineCollection({ loader: glob({ pattern: '*.md', base: 'content' }) }) };
`;

const page = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() { return (await getCollection('cables')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }
const { Content } = await render(Astro.props.entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{Astro.props.entry.data.title}</title></head><body><main data-pagefind-body><h1>{Astro.props.entry.data.title}</h1><Content /></main></body></html>
`;

/** Writes the project into `dir` with one Markdown file (frontmatter + sectioned body) per cable in `cablesDir`. */
export async function makeGlobProject(options: { dir: string; cablesDir: string; nodeModules: string }): Promise<number> {
  const { dir, cablesDir, nodeModules } = options;
  await mkdir(path.join(dir, 'content'), { recursive: true });
  await mkdir(path.join(dir, 'src/pages/cables'), { recursive: true });
  await symlink(nodeModules, path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'package.json'), '{ "name": "glob-baseline", "private": true, "type": "module" }\n');
  await writeFile(path.join(dir, 'astro.config.mjs'), config);
  await writeFile(path.join(dir, 'src/content.config.ts'), contentConfig);
  await writeFile(path.join(dir, 'src/pages/cables/[id].astro'), page);
  let written = 0;
  for (const name of (await readdir(cablesDir)).filter((file) => file.endsWith('.txt'))) {
    const decoded = decodeCable(await readFile(path.join(cablesDir, name)), { path: name });
    const parsed = decoded.text === null ? null : parseCable(decoded.text, { path: name }).cable;
    if (!parsed) continue;
    const { canonicalId, subject, date, origin, classification, tags } = parsed.frontmatter;
    const frontmatter = stringify({ title: `${canonicalId}: ${subject}`, date, origin, classification, tags }, { lineWidth: 0 });
    await writeFile(path.join(dir, 'content', `${canonicalId}.md`), `---\n${frontmatter}---\n\n${parsed.markdown}\n`);
    written++;
  }
  return written;
}
