/**
 * Blocks → mdast → Markdown. Every piece of cable text becomes a `text` or `code` node and
 * remark's serializer escapes it, so nothing a cable says can turn into Markdown syntax.
 */
import type { BlockContent, Heading, List, Paragraph, Root, RootContent, Text } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State, toMarkdown } from 'mdast-util-to-markdown';
import type { Block } from './body.ts';

/** The `lang` of the code blocks that hold aligned tables, kept line for line. */
export const TABLE_LANG = 'table';

export function toMdast(blocks: Block[]): Root {
  return { type: 'root', children: blocks.map(toNode) };
}

export function serialize(tree: Root): string {
  return serializeBlocks(tree) ?? serializeWithRemark(tree);
}

/** The same Markdown through remark's serializer, for any tree; the tests hold `serialize` to it. */
export function serializeWithRemark(tree: Root): string {
  return toMarkdown(tree, {
    bullet: '-',
    fence: '`',
    listItemIndent: 'one',
    rule: '-',
    handlers: { root, heading, paragraph: oneTextParagraph, text },
  });
}

/**
 * The Markdown of a tree as `toMdast` makes them, written out directly: what remark's serializer
 * gives those nodes with the options above, without its state, trackers and handler lookups (most
 * of the serializer's time). Null for any other shape (a text with a line break, a loose list, a
 * node type `toMdast` makes none of): that tree goes to remark's serializer.
 */
function serializeBlocks(tree: Root): string | null {
  let out = '';
  // Two lists in a row: the second takes the other bullet, as remark's `list` handler does.
  let lastBullet: string | undefined;
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    let value: string | null;
    if (node.type === 'list') {
      const bullet = lastBullet === '-' ? '*' : '-';
      value = listMarkdown(node, bullet);
      lastBullet = bullet;
    } else {
      value = blockMarkdown(node);
      lastBullet = undefined;
    }
    if (value === null) return null;
    out += index === 0 ? value : `\n\n${value}`;
  }
  const last = out.charCodeAt(out.length - 1);
  return out && last !== 10 && last !== 13 ? `${out}\n` : out;
}

function blockMarkdown(node: RootContent): string | null {
  switch (node.type) {
    case 'paragraph':
      return phrasingMarkdown(node);
    case 'heading': {
      if (!isOneText(node)) return null;
      const sequence = '#'.repeat(node.depth);
      const value = escapeValue((node.children[0] as Text).value, { isHeading: true, atLineStart: false });
      return value === null ? null : value ? `${sequence} ${value}` : sequence;
    }
    case 'code': {
      if (node.lang !== TABLE_LANG || node.meta) return null;
      const raw = node.value || '';
      const fence = '`'.repeat(Math.max(longestBacktickRun(raw) + 1, 3));
      return raw ? `${fence}${TABLE_LANG}\n${raw}\n${fence}` : `${fence}${TABLE_LANG}\n${fence}`;
    }
    case 'thematicBreak':
      return '---';
    default:
      return null;
  }
}

/** The longest run of backticks in a table, which its fence must outrun. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at)) {
    let end = at + 1;
    while (text.charCodeAt(end) === 96) end++;
    longest = Math.max(longest, end - at);
    at = end;
  }
  return longest;
}

/** A tight, unordered list of one-paragraph items, each on one line: `- text`, or the bullet alone for an empty one. */
function listMarkdown(node: List, bullet: string): string | null {
  if (node.ordered || node.spread) return null;
  let out = '';
  for (let index = 0; index < node.children.length; index++) {
    const item = node.children[index]!;
    const paragraph = item.children[0];
    if (item.spread || item.children.length !== 1 || paragraph?.type !== 'paragraph' || !isOneText(paragraph)) return null;
    const value = escapeValue((paragraph.children[0] as Text).value, { isHeading: false, atLineStart: true });
    if (value === null) return null;
    out += `${index === 0 ? '' : '\n'}${value ? `${bullet} ${value}` : bullet}`;
  }
  return out;
}

/**
 * A paragraph of text nodes and line breaks, as remark's phrasing container joins them: a break is
 * `\` and a line end, an empty text adds nothing, and a text opens a line unless it follows one.
 */
function phrasingMarkdown(node: Paragraph): string | null {
  let out = '';
  let atLineStart = true;
  for (const child of node.children) {
    if (child.type === 'break') {
      out += '\\\n';
      atLineStart = true;
    } else if (child.type === 'text') {
      const value = escapeValue(child.value, { isHeading: false, atLineStart });
      if (value === null) return null;
      if (value) atLineStart = false;
      out += value;
    } else return null;
  }
  return out;
}

/**
 * The root holds blocks only (`toMdast` makes no other), so remark's own check whether it holds
 * phrasing, a walk over every block, is skipped. Its blocks are joined as remark's flow container
 * joins them, by the serializer's `join` rules, without the container's line and column tracking:
 * no handler's output depends on it, and it splits every block's Markdown into lines once more.
 */
const root: Handle = (node: Root, _parent, state: State, info) => {
  const parts: string[] = [];
  // Every block starts and ends a line; no handler changes the info it is given.
  const blockInfo = { ...info, before: '\n', after: '\n' };
  state.indexStack.push(-1);
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index]!;
    state.indexStack[state.indexStack.length - 1] = index;
    // Paragraphs, most blocks, go to their handler below without the serializer's lookup by node type.
    parts.push(child.type === 'paragraph' ? oneTextParagraph(child, node, state, blockInfo) : state.handle(child, node, state, blockInfo));
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    const next = node.children[index + 1];
    if (next) parts.push(between(child, next, node, state));
  }
  state.indexStack.pop();
  return parts.join('');
};

/** What goes between two blocks: the last `join` rule that decides, else a blank line (as in remark's `containerFlow`). */
function between(left: RootContent, right: RootContent, parent: Root, state: State): string {
  for (let index = state.join.length - 1; index >= 0; index--) {
    const result = state.join[index]!(left, right, parent, state);
    if (result === true || result === 1) break;
    if (typeof result === 'number') return '\n'.repeat(1 + result);
    if (result === false) return '\n\n<!---->\n\n';
  }
  return '\n\n';
}

/**
 * A paragraph of one text node is that text: remark's phrasing container, whose work is to
 * pair emphasis markers between nodes, is kept for the paragraphs with line breaks.
 */
const oneTextParagraph: Handle = (node: Paragraph, parent, state: State, info) => {
  if (!isOneText(node)) return defaultHandlers.paragraph(node, parent, state, info);
  const exit = state.enter('paragraph');
  const subexit = state.enter('phrasing');
  const value = onlyText(node, state, info);
  subexit();
  exit();
  return value;
};

/**
 * Headings are always ATX (`## Summary`). remark's own handler first walks each heading to see
 * whether it must be setext (a line break inside); a cable heading is one line of text, so that
 * walk, a fifth of the serializer's time, is skipped.
 */
const heading: Handle = (node: Heading, _parent, state: State, info) => {
  const sequence = '#'.repeat(node.depth);
  const exit = state.enter('headingAtx');
  const subexit = state.enter('phrasing');
  const inner = { ...info, before: `${sequence} `, after: '\n' };
  const value = isOneText(node) ? onlyText(node, state, inner) : state.containerPhrasing(node, inner);
  subexit();
  exit();
  return value ? `${sequence} ${value}` : sequence;
};

function isOneText(node: Paragraph | Heading): boolean {
  return node.children.length === 1 && node.children[0]!.type === 'text';
}

/** The one text node of a paragraph or heading, as remark's phrasing container gives it (to the `text` handler below). */
function onlyText(node: Paragraph | Heading, state: State, info: Info): string {
  return text(node.children[0] as Text, node, state, info);
}

/**
 * Cable text never holds a line break inside a text node, so one pass escapes it: every
 * character CommonMark or GFM could read as inline syntax, and at the start of a line the
 * characters that open a block. Anything else goes through remark's general `safe`.
 */
const text: Handle = (node: Text, parent, state: State, info) => {
  const value = node.value;
  const place = { isHeading: parent?.type === 'heading', atLineStart: info.before === '' || /[\r\n]$/.test(info.before) };
  return escapeValue(value, place) ?? state.safe(value, info);
};

/** A text node's value escaped as `text` above escapes it; null when it holds a line break (left to remark's `safe`). */
function escapeValue(value: string, place: { isHeading: boolean; atLineStart: boolean }): string | null {
  // Most text holds none of the characters escaped inside a line, nor a line break: one search tells.
  if (!(place.isHeading ? headingSpecialPattern : specialPattern).test(value)) return escapeLineStart(value, place);
  if (value.includes('\n') || value.includes('\r')) return null;
  return escapeText(value, place);
}

/** Every character `escapeText` escapes inside a line (`&` only before a character reference), and the line breaks. */
const specialPattern = /[\\`*_[\]<~|&\n\r]/;
const headingSpecialPattern = /[\\`*_[\]<~|#&\n\r]/;

function escapeText(value: string, { isHeading, atLineStart }: { isHeading: boolean; atLineStart: boolean }): string {
  // In a heading, a trailing `#` would close it: escape every `#` there.
  let escaped = value.replace(isHeading ? headingSyntaxPattern : inlineSyntaxPattern, '\\$&');
  if (escaped.includes('&')) escaped = escaped.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  return escapeLineStart(escaped, { atLineStart });
}

/** At the start of a line, what would open a block. */
function escapeLineStart(value: string, { atLineStart }: { atLineStart: boolean }): string {
  // Most lines open with a letter, and what opens a block is told by the first character.
  if (!atLineStart) return value;
  const first = value.charCodeAt(0);
  if (!opensBlockCodes.has(first) && !(first >= 48 && first <= 57)) return value;
  if (!blockStartPattern.test(value)) return value;
  // An indent as a character reference, `1.` as `1\.`, `#`, `>`, `+`, `=` and `-` behind a backslash.
  if (first === 32 || first === 9) return `${first === 32 ? '&#x20;' : '&#x9;'}${value.slice(1)}`;
  if (first >= 48 && first <= 57) return value.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return `\\${value}`;
}

const inlineSyntaxPattern = /[\\`*_[\]<~|]/g;
const headingSyntaxPattern = /[\\`*_[\]<~|#]/g;
/** What opens a block at the start of a line: an indent, `#`, `>`, `+`, `=`, `-`, `1.` or `1)`. */
const blockStartPattern = /^(?:[ \t]|[#>+=-]|\d{1,9}[.)])/;
/** The characters other than a digit that open `blockStartPattern`: a first character tells most lines apart without it. */
const opensBlockCodes: ReadonlySet<number> = new Set([...' \t#>+=-'].map((char) => char.charCodeAt(0)));

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
