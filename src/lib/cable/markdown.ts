/**
 * Blocks → mdast → Markdown. Every piece of cable text becomes a `text` or `code` node and
 * remark's serializer escapes it, so nothing a cable says can turn into Markdown syntax.
 */
import type { BlockContent, Heading, Root, RootContent, Text } from 'mdast';
import { type Handle, type State, toMarkdown } from 'mdast-util-to-markdown';
import type { Block } from './body.ts';

/** The `lang` of the code blocks that hold aligned tables, kept line for line. */
export const TABLE_LANG = 'table';

export function toMdast(blocks: Block[]): Root {
  return { type: 'root', children: blocks.map(toNode) };
}

export function serialize(tree: Root): string {
  return toMarkdown(tree, { bullet: '-', fence: '`', listItemIndent: 'one', rule: '-', handlers: { heading, text } });
}

/**
 * Headings are always ATX (`## Summary`). remark's own handler first walks each heading to see
 * whether it must be setext (a line break inside); a cable heading is one line of text, so that
 * walk, a fifth of the serializer's time, is skipped.
 */
const heading: Handle = (node: Heading, _parent, state: State, info) => {
  const sequence = '#'.repeat(node.depth);
  const exit = state.enter('headingAtx');
  const subexit = state.enter('phrasing');
  const value = state.containerPhrasing(node, { ...info, before: `${sequence} `, after: '\n' });
  subexit();
  exit();
  return value ? `${sequence} ${value}` : sequence;
};

/**
 * Cable text never holds a line break inside a text node, so one pass escapes it: every
 * character CommonMark or GFM could read as inline syntax, and at the start of a line the
 * characters that open a block. Anything else goes through remark's general `safe`.
 */
const text: Handle = (node: Text, parent, state: State, info) => {
  const value = node.value;
  if (value.includes('\n') || value.includes('\r')) return state.safe(value, info);
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
