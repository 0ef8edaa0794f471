/**
 * The JSON exports: one document per cable (frontmatter, sections, paragraphs) and an index of
 * every cable's metadata. Built from what the loader stored, never by re-rendering a cable.
 */
import type { CableFrontmatter } from '../cable/index.ts';
import { cableJsonUrl, cableMarkdownUrl, cableTextUrl, cableUrl } from './urls.ts';

/** What the loader stores for a cable, as the pages read it. */
export interface StoredCable {
  id: string;
  data: CableFrontmatter;
  /** The sectioned Markdown. */
  body?: string | undefined;
  /** `metadata.headings` ({ slug, text }) and `metadata.paragraphs` ({ id, number, section }), as the loader stores them. */
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}

export interface ParagraphExport {
  /** Fragment id on the cable page (`par7`). */
  id: string;
  /** The number as written (`7`, `7.a`), null for an unnumbered block. */
  number: string | null;
  /** Id of the section it belongs to, null before the first heading. */
  section: string | null;
}

export interface SectionExport {
  /** Fragment id of the heading (`summary`), null for the text before the first heading. */
  id: string | null;
  title: string | null;
  /** Ids of its paragraphs, in order. */
  paragraphs: string[];
  /** The section's Markdown, heading included. */
  markdown: string;
}

export interface CableExport {
  id: string;
  url: string;
  files: { text: string; markdown: string; json: string };
  frontmatter: CableFrontmatter;
  sections: SectionExport[];
  paragraphs: ParagraphExport[];
  /** Ids of the cables in the collection whose REF lines name this one. */
  citedBy: string[];
}

/** One cable as `/cables/<ID>.json`. */
export function toCableExport(cable: StoredCable, citedBy: readonly string[]): CableExport {
  const headings = (cable.rendered?.metadata?.headings ?? []) as { slug: string; text: string }[];
  const paragraphs = (cable.rendered?.metadata?.paragraphs ?? []) as ParagraphExport[];
  const chunks = splitSections(cable.body ?? '');
  let next = 0;
  const sections: SectionExport[] = chunks.map((markdown) => {
    const heading = markdown.startsWith('## ') ? headings[next++] : undefined;
    const id = heading?.slug ?? null;
    return {
      id,
      title: heading?.text ?? null,
      paragraphs: paragraphs.filter((paragraph) => paragraph.section === id).map((paragraph) => paragraph.id),
      markdown,
    };
  });
  return {
    id: cable.id,
    url: cableUrl(cable.id),
    files: { text: cableTextUrl(cable.id), markdown: cableMarkdownUrl(cable.id), json: cableJsonUrl(cable.id) },
    frontmatter: cable.data,
    sections,
    paragraphs: paragraphs.map(({ id, number, section }) => ({ id, number, section })),
    citedBy: [...citedBy],
  };
}

/** A cable's line in `/cables.json`. */
export interface IndexEntry {
  id: string;
  url: string;
  subject: string;
  date: string;
  classification: string;
  origin: string;
  tags: string[];
  isPartial: boolean;
}

export function toIndexEntry(cable: {
  id: string;
  data: Pick<CableFrontmatter, 'subject' | 'date' | 'classification' | 'origin' | 'tags' | 'isPartial'>;
}): IndexEntry {
  const { subject, date, classification, origin, tags, isPartial } = cable.data;
  return { id: cable.id, url: cableUrl(cable.id), subject, date, classification, origin, tags, isPartial };
}

/**
 * The sectioned Markdown cut before each `## ` heading (remark escapes any other line that
 * would start so); the text before the first heading, if any, is a chunk of its own.
 */
function splitSections(markdown: string): string[] {
  const chunks = markdown.split(/\n(?=## )/).map((chunk) => chunk.trim());
  return chunks.filter((chunk, index) => chunk !== '' || index > 0);
}
