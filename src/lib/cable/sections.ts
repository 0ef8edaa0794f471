/**
 * Sections of a cable body: the `## Summary` section where the cable has one
 * (`Summary:` … `End summary.`), and a section for every underlined heading.
 */
import type { Block } from './body.ts';

/** `¶1. (SBU) Summary:`, `1. (C) SUMMARY AND COMMENT:`, `BEGIN SUMMARY`, `Summary.` */
const summaryStartPattern =
  /^(?:¶?\s*\d{1,3}\s?\.\s*)?(?:\([A-Z]{1,4}(?:\/\/?[A-Z]{1,6})?\)\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+(?:AND|&)\s+(?:COMMENT|ACTION REQUEST(?:ED)?|INTRODUCTION))?\s*(?:[:.-]|$)/i;
const summaryEndPattern = /\bEND\s+(?:OF\s+)?SUMMARY\b/i;

/** The heading inserted after a summary when the body goes on without one of its own. */
export const DETAILS_HEADING = 'Details';

/**
 * Inserts a `Summary` heading before the paragraph that opens the summary, and a
 * `Details` heading after the paragraph that ends it when the text goes on without one.
 */
export function sectionBlocks(blocks: Block[]): Block[] {
  const start = blocks.findIndex(isSummaryStart);
  if (start < 0) return blocks;
  const hasHeading = blocks[start]!.type === 'heading';
  let end = start + (hasHeading ? 1 : 0);
  const found = blocks.findIndex((block, index) => index >= end && index < end + 12 && endsSummary(block));
  if (found >= 0 && !blocks.slice(end, found).some((block) => block.type === 'heading')) end = found;
  const out = blocks.slice(0, start);
  if (!hasHeading) out.push({ type: 'heading', text: 'Summary', line: blocks[start]!.line });
  out.push(...blocks.slice(start, end + 1));
  // A rule between the summary and the next heading (`END SUMMARY.` / `-----` / `INVESTING IN …`) leaves no section to name.
  const next = blocks.find((block, index) => index > end && block.type !== 'break');
  if (next && next.type !== 'heading' && next.type !== 'signature') {
    out.push({ type: 'heading', text: DETAILS_HEADING, line: blocks[end + 1]!.line });
  }
  out.push(...blocks.slice(end + 1));
  return out;
}

function isSummaryStart(block: Block): boolean {
  if (block.type === 'heading') return /^(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT)?:?$/i.test(block.text);
  return block.type === 'paragraph' && summaryStartPattern.test(block.text);
}

function endsSummary(block: Block): boolean {
  if (block.type === 'paragraph') return summaryEndPattern.test(block.text);
  if (block.type === 'list') return block.items.some((item) => summaryEndPattern.test(item.text));
  return false;
}
