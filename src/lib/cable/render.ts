/**
 * Sectioned Markdown → HTML, with unified: remark-parse, remark-rehype, then one pass that
 * gives every heading its slug and every block its paragraph id (see `paragraphs.ts`),
 * links each numbered paragraph to itself and marks the signature.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { ParagraphNumberer } from './paragraphs.ts';

export interface Heading {
  id: string;
  text: string;
}

export interface Paragraph {
  id: string;
  /** The paragraph number as written (`7`, `7.a`), null for unnumbered blocks. */
  number: string | null;
  /** Id of the section heading it sits under, null before the first heading. */
  section: string | null;
  text: string;
}

export interface RenderedCable {
  html: string;
  headings: Heading[];
  paragraphs: Paragraph[];
}

export interface RenderOptions {
  /** Signer names: a paragraph at the end that is exactly one of them is marked as the signature. */
  signers?: readonly string[];
}

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();

/**
 * Renders a cable body: its Markdown, or the mdast it was serialized from (`cable.tree`),
 * which gives the same HTML without parsing the Markdown again.
 */
export function renderCable(body: string | MdastRoot, options: RenderOptions = {}): RenderedCable {
  const tree = processor.runSync(typeof body === 'string' ? processor.parse(body) : body) as Root;
  const { headings, paragraphs } = identifyBlocks(tree, options);
  return { html: processor.stringify(tree), headings, paragraphs };
}

function identifyBlocks(tree: Root, options: RenderOptions): Omit<RenderedCable, 'html'> {
  const slugger = new GithubSlugger();
  const numberer = new ParagraphNumberer();
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  let section: string | null = null;
  const blocks = tree.children.filter((node): node is Element => node.type === 'element');
  for (const element of blocks) {
    const text = textOf(element);
    if (element.tagName === 'h2') {
      // A heading of punctuation alone has an empty slug: it is then `section`, `section-1` …
      section = slugger.slug(text) || slugger.slug('section');
      // Paragraph ids (`par7`, `p3`) are reserved: a heading that reads like one is prefixed.
      if (/^(?:par\d|p\d)/.test(section)) section = slugger.slug(`section ${text}`);
      element.properties.id = section;
      headings.push({ id: section, text });
      continue;
    }
    if (element.tagName === 'hr') continue;
    const mark = numberer.next(element.tagName === 'p' ? text : null);
    element.properties.id = mark.id;
    paragraphs.push({ id: mark.id, number: mark.number, section, text });
    if (element.tagName === 'p') linkParagraph(element, mark.id, mark.markerLength);
    if (element.tagName === 'pre') element.properties.className = ['cable-table'];
  }
  // The last paragraph that is exactly a signer's name, among the last three blocks: an end marker
  // the release left after it (`=====CABLE ENDS=====`) does not hide it.
  const signature = blocks
    .slice(-3)
    .findLast((element) => element.tagName === 'p' && options.signers?.includes(textOf(element).replace(/^¶/, '').trim()));
  if (signature) signature.properties.className = ['signature'];
  return { headings, paragraphs };
}

/** Turns the leading `¶7.` into a link to the paragraph, or adds a `¶` link before it. */
function linkParagraph(element: Element, id: string, markerLength: number): void {
  const first = element.children[0];
  const link = (children: ElementContent[], className: string): Element => ({
    type: 'element',
    tagName: 'a',
    properties: { href: `#${id}`, className: [className] },
    children,
  });
  if (markerLength > 0 && first?.type === 'text') {
    const marker = first.value.slice(0, markerLength).trimEnd();
    // `6.The …`, `1.(SBU) …`: the link is followed by a space, as a paragraph written `6. The` shows.
    first.value = first.value.slice(marker.length).replace(/^(?=[^\s])/, ' ');
    const label = marker.startsWith('¶') ? marker : `¶${marker}`;
    element.children.unshift(link([{ type: 'text', value: label }], 'par-link'));
    return;
  }
  element.children.unshift(link([{ type: 'text', value: '¶' }], 'par-anchor'));
}
