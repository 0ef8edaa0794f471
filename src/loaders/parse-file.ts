/**
 * One cable file's bytes → everything the loader stores and writes for it: the frontmatter, the
 * rendered HTML and its headings, and the two downloads (`.md` and `.json`, see `bodies.ts`),
 * with every problem as a message. The same function runs in the loader's thread and in its
 * worker threads (`parse-pool.ts`), so it runs under plain Node and returns plain data; this file
 * is part of the parser digest, so changing what it writes re-reads every cable.
 */
import { type CableFrontmatter, cableFrontmatter, decodeCable, type Message, parseCable, renderCable } from '../lib/cable/index.ts';
import { toCableExport } from '../lib/site/exports.ts';
import { toFrontmatter } from '../lib/site/frontmatter.ts';
import type { Bodies } from './bodies.ts';

export interface ParsedFile {
  messages: Message[];
  /** Null when the file could not be read as a cable (a fatal message says why). */
  cable: {
    frontmatter: CableFrontmatter;
    /** Section headings of the page: slug and text. */
    headings: { id: string; text: string }[];
    bodies: Bodies;
  } | null;
}

export function parseFile(bytes: Uint8Array, relative: string): ParsedFile {
  const decoded = decodeCable(bytes, { path: relative });
  if (decoded.text === null) return { messages: decoded.messages, cable: null };
  const { cable, messages } = parseCable(decoded.text, { path: relative });
  messages.unshift(...decoded.messages);
  if (!cable) return { messages, cable: null };
  // From the tree the Markdown was serialized from: the same HTML, without parsing the Markdown again.
  const { html, headings, paragraphs } = renderCable(cable.tree, { signers: cable.frontmatter.signers });
  // The collection validates the frontmatter with the same schema: the downloads show what the pages show.
  const data = cableFrontmatter.parse(cable.frontmatter);
  const id = data.canonicalId;
  const exported = toCableExport(
    {
      id,
      data,
      body: cable.markdown,
      rendered: {
        metadata: {
          headings: headings.map((heading) => ({ slug: heading.id, text: heading.text })),
          paragraphs: paragraphs.map(({ id: paragraph, number, section }) => ({ id: paragraph, number, section })),
        },
      },
    },
    [],
  );
  return {
    messages,
    cable: {
      frontmatter: cable.frontmatter,
      headings,
      bodies: {
        html,
        markdown: `${toFrontmatter(data)}\n${cable.markdown}`,
        json: JSON.stringify(exported),
      },
    },
  };
}
