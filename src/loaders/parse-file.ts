/**
 * One cable file's bytes → its frontmatter, sectioned Markdown, rendered HTML and outline, with
 * every problem as a message. The same function runs in the loader's thread and in its worker
 * threads (`parse-pool.ts`), so it imports the parser only and returns plain data.
 */
import { type CableFrontmatter, decodeCable, type Message, parseCable, renderCable } from '../lib/cable/index.ts';

export interface ParsedFile {
  messages: Message[];
  /** Null when the file could not be read as a cable (a fatal message says why). */
  cable: {
    frontmatter: CableFrontmatter;
    markdown: string;
    html: string;
    headings: { id: string; text: string }[];
    paragraphs: { id: string; number: string | null; section: string | null }[];
  } | null;
}

export function parseFile(bytes: Uint8Array, relative: string): ParsedFile {
  const decoded = decodeCable(bytes, { path: relative });
  if (decoded.text === null) return { messages: decoded.messages, cable: null };
  const { cable, messages } = parseCable(decoded.text, { path: relative });
  messages.unshift(...decoded.messages);
  if (!cable) return { messages, cable: null };
  const rendered = renderCable(cable.markdown, { signers: cable.frontmatter.signers });
  return {
    messages,
    cable: {
      frontmatter: cable.frontmatter,
      markdown: cable.markdown,
      html: rendered.html,
      headings: rendered.headings.map(({ id, text }) => ({ id, text })),
      paragraphs: rendered.paragraphs.map(({ id, number, section }) => ({ id, number, section })),
    },
  };
}
