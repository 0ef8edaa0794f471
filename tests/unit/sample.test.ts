/**
 * The sample cable, 09USOSCE147, field by field and section by section: what the
 * foundation issue says it must come out as.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable, renderCable } from '../../src/lib/cable/index.ts';

const path = 'cables/09USOSCE147.txt';
const { cable, messages } = parseCable(readFileSync(path, 'utf8'), { path });
const data = cable!.frontmatter;
const rendered = renderCable(cable!.markdown, { signers: data.signers });

describe('09USOSCE147 frontmatter', () => {
  it('parses with no messages', () => {
    expect(messages).toEqual([]);
  });

  it('has the full subject from the body, not the truncated line 2', () => {
    expect(data.subject).toBe('OSCE: LAVROV AT ASRC ADDS LITTLE ON NEW SECURITY ARCHITECTURE');
  });

  it('takes the time from the date-time group 231629Z JUN 09', () => {
    expect(data.date).toBe('2009-06-23T16:29:00Z');
  });

  it('keeps id, classification and origin', () => {
    expect(data.id).toBe('09USOSCE147');
    expect(data.canonicalId).toBe('09USOSCE147');
    expect(data.classification).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(data.origin).toBe('Mission USOSCE');
  });

  it('reads the tags in order', () => {
    expect(data.tags).toEqual(['PARM', 'PREL', 'KCFE', 'OSCE', 'RS', 'XG']);
  });

  it('reads the routing block', () => {
    expect(data.from).toBe('USMISSION USOSCE');
    expect(data.to).toEqual([{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', mcn: '6442' }]);
    expect(data.info).toHaveLength(16);
    expect(data.info[0]).toMatchObject({ route: 'RUCNOSC', name: 'ORG FOR SECURITY CO OP IN EUR COLLECTIVE' });
    expect(data.info[15]).toEqual({ route: 'RUEHGV', name: 'USMISSION GENEVA', precedence: null, mcn: '1275' });
    expect(data.precedence).toBe('PRIORITY');
    expect(data.transmissionId).toBe('VZCZCXRO7042');
  });

  it('reads caveats, E.O. line, sections and signer', () => {
    expect(data.caveats).toEqual(['SENSITIVE', 'SIPDIS']);
    expect(data.eo).toBe('N/A');
    expect(data.declassify).toBeNull();
    expect(data.sections).toBe(5);
    expect(data.signers).toEqual(['Scott']);
    expect(data.isPartial).toBe(false);
    expect(data.references).toEqual([]);
  });

  it('takes the summary from Summary: to End summary.', () => {
    expect(data.summary).toMatch(/^Addressing the opening session of the OSCE Annual Security Review Conference/);
    expect(data.summary).toMatch(/"status-neutral" continuation of the international presence\.$/);
  });
});

describe('09USOSCE147 body', () => {
  const sections = rendered.headings.map((heading) => ({
    heading: heading.text,
    id: heading.id,
    paragraphs: rendered.paragraphs.filter((p) => p.section === heading.id && p.number).map((p) => p.id),
  }));

  it('has the sections and paragraphs of the cable, in order', () => {
    expect(sections).toEqual([
      { heading: 'Summary', id: 'summary', paragraphs: ['par1', 'par2'] },
      { heading: 'Lavrov Opens ASRC', id: 'lavrov-opens-asrc', paragraphs: ['par3', 'par4', 'par5'] },
      { heading: 'Threats to Address', id: 'threats-to-address', paragraphs: ['par6'] },
      { heading: "New Architecture's Building Blocks", id: 'new-architectures-building-blocks', paragraphs: ['par7', 'par8', 'par9'] },
      { heading: 'Lavrov on Georgia', id: 'lavrov-on-georgia', paragraphs: ['par10', 'par11'] },
      {
        heading: 'U.S. and Others Criticize Russia',
        id: 'us-and-others-criticize-russia',
        paragraphs: ['par12', 'par13', 'par14', 'par15'],
      },
      { heading: 'Looking Forward to Corfu', id: 'looking-forward-to-corfu', paragraphs: ['par16'] },
    ]);
  });

  it('keeps the four-item list of paragraph 7 as a list', () => {
    expect(cable!.markdown).toMatch(
      /building blocks:\n\n- basic principles[^\n]+\n- arms control[^\n]+\n- conflict management[^\n]+\n- new threats/,
    );
    expect(rendered.html).toMatch(/<ul id="p\d+">\n<li>basic principles/);
  });

  it('joins paragraph 11 across the page break', () => {
    const par11 = rendered.paragraphs.find((p) => p.id === 'par11')!;
    expect(par11.text).toMatch(/rejected by EU High Representative Solana, although Russia could still accept this\.$/);
  });

  it('drops every page-break line', () => {
    expect(cable!.markdown).not.toMatch(/USOSCE 00000147/);
    expect(rendered.html).not.toMatch(/00[2-5] OF 005/);
  });

  it('keeps paragraph numbers and markings, and links each paragraph to itself', () => {
    expect(rendered.html).toContain('<p id="par7"><a href="#par7" class="par-link">¶7.</a> (SBU) Lavrov explained');
  });

  it('moves routing header and banner out of the body', () => {
    expect(cable!.markdown).not.toMatch(/VZCZC|RUEHC|UNCLAS SECTION|TAGS:|SUBJECT:|E\.O\. 12958/);
  });

  it('marks the signature', () => {
    expect(rendered.html).toMatch(/<p id="p\d+" class="signature">.*Scott<\/p>$/);
  });
});
