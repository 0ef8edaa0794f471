/**
 * Blocks → mdast → Markdown. Every piece of cable text becomes a `text` or `code` node and
 * remark's serializer escapes it, so nothing a cable says can turn into Markdown syntax.
 */
import type { BlockContent, List, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { type Handle, type State, toMarkdown } from 'mdast-util-to-markdown';
import type { Block } from './body.ts';

/** The `lang` of the code blocks that hold aligned tables, kept line for line. */
export const TABLE_LANG = 'table';

export function toMdast(blocks: Block[]): Root {
  return { type: 'root', children: blocks.map(toNode) };
}

export function serialize(tree: Root): string {
  return serializeFlow(tree) ?? toMarkdown(tree, { bullet: '-', fence: '`', listItemIndent: 'one', rule: '-', handlers: { text } });
}

/**
 * Cable text never holds a line break inside a text node, so one pass escapes it: every
 * character CommonMark or GFM could read as inline syntax, and at the start of a line the
 * characters that open a block. Anything else goes through remark's general `safe`.
 */
const text: Handle = (node: Text, parent, state: State, info) => {
  const value = node.value;
  if (/[\r\n]/.test(value)) return state.safe(value, info);
  return escapeText(value, { isHeading: parent?.type === 'heading', atLineStart: info.before === '' || /[\r\n]$/.test(info.before) });
};

function escapeText(value: string, { isHeading, atLineStart }: { isHeading: boolean; atLineStart: boolean }): string {
  // In a heading, a trailing `#` would close it: escape every `#` there.
  let escaped = value.replace(isHeading ? /[\\`*_[\]<~|#]/g : /[\\`*_[\]<~|]/g, '\\$&');
  if (escaped.includes('&')) escaped = escaped.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (atLineStart) {
    escaped = escaped
      .replace(/^[ \t]/, (space) => (space === ' ' ? '&#x20;' : '&#x9;'))
      .replace(/^[#>+=-]/, '\\$&')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2');
  }
  return escaped;
}

/**
 * The same Markdown as `toMarkdown` with the options above, written directly for the trees
 * `toMdast` builds from a cable (headings, paragraphs, distribution lines, lists, tables,
 * rules) — the serializer's general machinery was a fifth of the parse time. Null for
 * anything else (text with line breaks or edge whitespace, other nodes), which goes the
 * general way; the corpus and the round-trip tests hold the two to the same output.
 */
function serializeFlow(tree: Root): string | null {
  const parts: string[] = [];
  let lastBullet: string | undefined;
  for (const node of tree.children) {
    let value: string | null;
    if (node.type === 'list') {
      const bullet = lastBullet === '-' ? '*' : '-';
      value = serializeList(node, bullet);
      lastBullet = bullet;
    } else {
      value = serializeBlock(node);
      lastBullet = undefined;
    }
    if (value === null) return null;
    parts.push(value);
  }
  const result = parts.join('\n\n');
  return result && !result.endsWith('\n') ? result + '\n' : result;
}

function serializeBlock(node: RootContent): string | null {
  switch (node.type) {
    case 'heading': {
      const value = node.depth === 2 && node.children.length === 1 ? plain(node.children[0]!) : null;
      return value === null ? null : '## ' + escapeText(value, { isHeading: true, atLineStart: false });
    }
    case 'paragraph':
      return serializeParagraph(node.children);
    case 'code': {
      if (node.lang !== TABLE_LANG || node.meta || !node.value) return null;
      const fence = '`'.repeat(Math.max(longestRun(node.value, '`') + 1, 3));
      return `${fence}${TABLE_LANG}\n${node.value}\n${fence}`;
    }
    case 'thematicBreak':
      return '---';
    default:
      return null;
  }
}

/** Text, or text lines joined by hard breaks. */
function serializeParagraph(children: readonly PhrasingContent[]): string | null {
  let out = '';
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (index % 2 === 1) {
      if (child.type !== 'break' || index === children.length - 1) return null;
      out += '\\\n';
      continue;
    }
    const value = plain(child);
    if (value === null) return null;
    out += escapeText(value, { isHeading: false, atLineStart: true });
  }
  return out;
}

function serializeList(node: List, bullet: string): string | null {
  if (node.ordered || node.spread || node.children.length === 0) return null;
  const items: string[] = [];
  for (const item of node.children) {
    const paragraph = item.children[0];
    if (item.spread || item.children.length !== 1 || paragraph?.type !== 'paragraph') return null;
    const value = serializeParagraph(paragraph.children);
    if (value === null || value.includes('\n')) return null;
    items.push(`${bullet} ${value}`);
  }
  return items.join('\n');
}

/** A text node's value when it needs nothing but `escapeText`: no line break, no edge whitespace. */
function plain(node: PhrasingContent): string | null {
  if (node.type !== 'text') return null;
  const value = node.value;
  if (value === '' || value.includes('\n') || value.includes('\r') || /\s/.test(value[0]!) || /\s/.test(value[value.length - 1]!)) return null;
  return value;
}

function longestRun(value: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (let index = 0; index < value.length; index++) {
    current = value[index] === character ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

function toNode(block: Block): RootContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] };
    case 'paragraph':
    case 'signature':
      return paragraph(block.text);
    case 'lines':
      return {
        type: 'paragraph',
        children: block.lines.flatMap((line, index) =>
          index === 0 ? [{ type: 'text', value: line } as const] : [{ type: 'break' } as const, { type: 'text', value: line } as const],
        ),
      };
    case 'list':
      return {
        type: 'list',
        ordered: false,
        spread: false,
        children: block.items.map((item) => ({
          type: 'listItem',
          spread: false,
          children: [paragraph(item.text)],
        })),
      };
    case 'table':
      return { type: 'code', lang: TABLE_LANG, value: dedent(block.lines).join('\n') };
    case 'break':
      return { type: 'thematicBreak' };
  }
}

function paragraph(text: string): BlockContent {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/** Removes the indentation common to all lines, keeping the columns aligned. */
function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent));
}
