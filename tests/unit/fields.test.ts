import { describe, expect, test } from 'vitest';
import {
  parseAddressees,
  parseClassifiedBy,
  parseDeclassification,
  parseInfoRecipients,
  parseReasons,
  parseRecipients,
  parseSigners,
  parseSubject,
  parseSummary,
  parseTags,
  type TagCorrection,
} from '../../src/lib/cable/index.ts';
import { parseReferences, type ReferenceOptions } from '../../src/lib/cable/references.ts';
import { isUpdating, readFixtures } from '../helpers/fixtures.ts';

/** Every function a fixture can name in its `expected.json`. */
const parsers: Record<string, (input: string, options: ReferenceOptions) => unknown> = {
  parseTags: (input) => parseTags(input),
  parseSubject,
  parseSummary,
  parseDeclassification,
  parseClassifiedBy,
  parseReasons,
  parseSigners: (input) => parseSigners(input),
  parseRecipients,
  parseInfoRecipients,
  parseReferences,
};

describe('fields of real cable fragments', () => {
  for (const fixture of readFixtures('fields')) {
    test(fixture.name, () => {
      const options = (fixture.expected.options ?? {}) as ReferenceOptions;
      const names = Object.keys(fixture.expected).filter((key) => key in parsers);
      const actual = Object.fromEntries(names.map((name) => [name, parsers[name]?.(fixture.input, options)]));
      if (isUpdating) {
        fixture.update(actual);
        return;
      }
      for (const name of names) expect(actual[name], name).toEqual(fixture.expected[name]);
    });
  }
});

test('parseAddressees reads the TO and INFO addressees of every recipients fixture at once, as the two readers do alone', () => {
  const fixtures = readFixtures('fields').filter(({ expected }) => 'parseRecipients' in expected || 'parseInfoRecipients' in expected);
  expect(fixtures.length).toBeGreaterThan(3);
  for (const { input } of fixtures) {
    expect(parseAddressees(input)).toEqual({ to: parseRecipients(input), info: parseInfoRecipients(input) });
  }
});

describe('a fragment holding just the field', () => {
  test('tags line', () => {
    expect(parseTags('TAGS: PGOVPREL, KDEM SIPDIS')).toEqual(['PGOV', 'PREL', 'KDEM']);
    expect(parseTags('TAFS: PREL,PGOV')).toEqual(['PREL', 'PGOV']);
    // Keyword tags of several words, one after another: each is one tag.
    expect(parseTags('TAGS: PREL IT ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM')).toEqual([
      'PREL',
      'IT',
      'ITALY NATIONAL ELECTIONS',
      'ITALIAN POLITICS',
      'IRAQI FREEDOM',
    ]);
    expect(parseTags('TAGS: PINR ELECTIONS GOI INTERNAL ISRAELI PALESTINIAN AFFAIRS GOI EXTERNAL')).toEqual([
      'PINR',
      'ELECTIONS',
      'GOI INTERNAL',
      'ISRAELI PALESTINIAN AFFAIRS',
      'GOI EXTERNAL',
    ]);
    // A CSV dump's `\` line ends hide neither a trailing comma nor a wrapped line of codes (08BOGOTA800).
    expect(parseTags('TAGS: PHUM PREF SP CO \\\nCI, AR, EC, BR \\\nSUBJECT: COLOMBIAN FORCES')).toEqual([
      'PHUM',
      'PREF',
      'SP',
      'CO',
      'CI',
      'AR',
      'EC',
      'BR',
    ]);
    expect(parseTags('TAGS: PREL, PGOV, \\\nKDEM, IZ \\\n')).toEqual(['PREL', 'PGOV', 'KDEM', 'IZ']);
    expect(parseTags('TAGA: PREL PREL ETRD')).toEqual(['PREL', 'ETRD']);
    // A label that starts its line takes whatever follows, in any case, with a comma-wrapped second line.
    expect(parseTags('tAgs: terrorism, \nprel')).toEqual(['TERRORISM', 'PREL']);
    // A person tag in a list of spaces, without its brackets; a label with two letters swapped.
    expect(parseTags('TAGS: PREL PGOV CLINTON, HILLARY')).toEqual(['PREL', 'PGOV', 'CLINTON, HILLARY']);
    expect(parseTags('TAGS: TERRORISM, PROLIFERATION')).toEqual(['TERRORISM', 'PROLIFERATION']);
    expect(parseTags('TGAS: PREL ECON')).toEqual(['PREL', 'ECON']);
  });
  test('TAGS line wrapped without a comma, just above the next field', () => {
    // Code-like words in a comma list (09TRIPOLI401, 08MADRID757 with a typo, 09USUNNEWYORK997).
    expect(parseTags('TAGS: OVIP WWARD PREL PINR\nAU-I, CD, SU, LY \nSUBJECT: SCENESETTER')).toEqual([
      'OVIP',
      'WWARD',
      'PREL',
      'PINR',
      'AU-I',
      'CD',
      'SU',
      'LY',
    ]);
    expect(parseTags('TAGS: ECON PREL PARM\nPTERS, SP\nSUBJECT: TREASURY')).toEqual(['ECON', 'PREL', 'PARM', 'PTER', 'SP']);
    expect(parseTags('TAGS: PREL PGOV LG\nMI, IZ, GA \nSUBJECT: U.N. GENERAL DEBATE')).toEqual(['PREL', 'PGOV', 'LG', 'MI', 'IZ', 'GA']);
    // A country code alone, a blank line before the subject (10REYKJAVIK31).
    expect(parseTags('TAGS: KTIP KCRM ELAB KMCA\nIC \n \nSUBJECT:  ICELAND: 2010 TIP REPORT')).toEqual([
      'KTIP',
      'KCRM',
      'ELAB',
      'KMCA',
      'IC',
    ]);
    // The rest of a keyword tag (07KUWAIT624).
    expect(parseTags('TAGS: OREP AMGT KU COUNTRY\nCLEARANCE \nSUBJECT: KUWAIT GRANTS COUNTRY CLEARANCE')).toEqual([
      'OREP',
      'AMGT',
      'KU',
      'COUNTRY CLEARANCE',
    ]);
    // The subject's words on the line below, the SUBJECT label lost (05BRASILIA2231), are no codes.
    expect(parseTags('TAGS: PREL MARR BR UNSC US\nDISCUSS HAITI AND OTHER ISSUES, 19 AUGUST 2005 \n\nREF: STATE 149277')).toEqual([
      'PREL',
      'MARR',
      'BR',
      'UNSC',
      'US',
    ]);
  });
  test('subject line', () => {
    expect(parseSubject('SUBJ: (SBU) EU-US SUMMIT')).toBe('EU-US SUMMIT');
    // A CSV dump's doubled quotes, as the page shows them.
    expect(parseSubject('SUBJECT: JAPAN POSITIVE ON ""GOLD STANDARD"" AGREEMENT')).toBe('JAPAN POSITIVE ON "GOLD STANDARD" AGREEMENT');
    // Text as written, `&amp;` too (a cable may quote markup); a TAGS label glued on ends it.
    expect(parseSubject('SUBJECT: TRADE &amp; AID TAGS: PREL')).toBe('TRADE &amp; AID');
    // The marking at the end, the label again after the marking.
    expect(parseSubject('SUBJECT:  Demarche on Use of FYROM for NATO Candidature (U) \n \nREF:  STATE 32646')).toBe(
      'Demarche on Use of FYROM for NATO Candidature',
    );
    // A marking that lost its opening bracket, as the release's own subject lines have it (`C) CHIRAC VISIT …`).
    expect(parseSubject('SUBJECT: S/NF) PORTUGAL: WE KNOW')).toBe('PORTUGAL: WE KNOW');
    expect(parseSubject('SUBJECT: (C) SUBJECT: BRIEFING INFORMATION FOR OCTOBER 6 \nCOURTESY CALL BETWEEN GATES AND VENETIAAN \n\n')).toBe(
      'BRIEFING INFORMATION FOR OCTOBER 6 COURTESY CALL BETWEEN GATES AND VENETIAAN',
    );
    // A first copy cut short, then the whole one; a corrected copy's note and a cut `Classified By` end it.
    expect(
      parseSubject(
        'SUBJECT: DUTCH ARREST SEVEN IN COUNTER-TERRORISM RAI...\n\n123\nSUBJECT: DUTCH ARREST SEVEN IN COUNTER-TERRORISM RAIDS \n',
      ),
    ).toBe('DUTCH ARREST SEVEN IN COUNTER-TERRORISM RAIDS');
    expect(parseSubject("SUBJECT: A BUSY TWO WEEKS FOR LULA'S PARTY\nC O R R E C T E D C O P Y (Update Text Paragraph 12)")).toBe(
      "A BUSY TWO WEEKS FOR LULA'S PARTY",
    );
    expect(parseSubject('SUBJECT: AMBASSADOR MEETS EU POLICY PLANNING \nCHIEF \nClass...')).toBe(
      'AMBASSADOR MEETS EU POLICY PLANNING CHIEF',
    );
  });
  test('declassification dates', () => {
    expect(parseDeclassification('E.O. 12958: DECL: 6/3/08')).toBe('2008-06-03');
    expect(parseDeclassification('DECL: 06/23/2019')).toBe('2019-06-23');
    expect(parseDeclassification('E.O. 12958: DECL: 2020/02/23')).toBe('2020-02-23');
    expect(parseDeclassification('E.O. 12958: DECL: 20170531')).toBe('2017-05-31');
    expect(parseDeclassification('EO 12958 DECL: 09/21/10')).toBe('2010-09-21');
    expect(parseDeclassification('E.O. 12958: N/A')).toBeNull();
    expect(parseDeclassification('E.O. 12958: DECL: OADR')).toBeNull();
    expect(parseDeclassification('E.O. 12958: DECL: X1')).toBeNull();
    expect(parseDeclassification('E.O. 12958: DECL: 08 OCTOBER 2019')).toBe('2019-10-08');
    expect(parseDeclassification('E.O. 12958: DECL: March 15, 2019')).toBe('2019-03-15');
    // A first copy cut short, the whole copy after it.
    expect(parseDeclassification('E.O. 12958: DE...\n112974\n\nE.O. 12958: DECL: 06/21/2017 \nTAGS: MOPS')).toBe('2017-06-21');
  });
  test('classified by and reasons', () => {
    const line = 'Classified By: A/DCM GEORGE FROWICK FOR REASONS 1.5 (B) AND (D).';
    expect(parseClassifiedBy(line)).toEqual(['GEORGE FROWICK']);
    expect(parseReasons(line)).toBe('1.5 (B) AND (D)');
    expect(parseClassifiedBy("Classified By: Charge d'Affaires a.i. Robert S. Deutsch.")).toEqual(['Robert S. Deutsch']);
    expect(parseClassifiedBy('Classified By: Secretary of State Condoleezza Rice. Reasons: 1.4 (b) and (d)')).toEqual(['Condoleezza Rice']);
    expect(parseClassifiedBy('CLASSIFIED BY: DEBORAH SCHNEIDER SENIOR WATCH OFFICE...')).toEqual(['DEBORAH SCHNEIDER']);
    // A name in lower case, as written.
    expect(parseClassifiedBy('CLASSIFIED BY: kathy schleigh, OMS, State, NAS; REASON: 1.4(B)')).toEqual(['kathy schleigh']);
    expect(parseClassifiedBy('Classified By: com jonathan farrar for reasons 1.4 (b) & (d)')).toEqual(['jonathan farrar']);
  });
  test('signers', () => {
    expect(parseSigners('of the region.\nTEFFT\nNNNN\nEND CABLE')).toEqual(['TEFFT']);
    expect(parseSigners('in the matter.\n\nBT\n#1234')).toEqual([]);
    // An e-mail export's stamp after the signature; a word of the text cut short is no signature.
    expect(
      parseSigners('by Michael Froman.\nMURRAY\nEnd Cable Text\nZenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS\n.'),
    ).toEqual(['MURRAY']);
    expect(parseSigners('which reports directly to the Legislative \nAssembl')).toEqual([]);
    expect(parseSigners('DECL: 01/07/2019 TAGS: PREL GG')).toEqual([]);
    // Run on after an end marker, a `#`, a sentence (two capitals), or an office without its full stop.
    expect(parseSigners('Assembly of Egypt END TEXT SCOBEY')).toEqual(['SCOBEY']);
    expect(parseSigners('basis. #ERELI')).toEqual(['ERELI']);
    expect(parseSigners('swaps with Iran. LU')).toEqual(['LU']);
    expect(parseSigners('agreed on the talks. US')).toEqual([]);
    expect(parseSigners('their assistance. MINIMIZE CONSIDERED CLINTON')).toEqual(['CLINTON']);
    expect(parseSigners('Julie-Anne Peterson, e-PINE Coordinator RICE')).toEqual(['RICE']);
    expect(parseSigners('was not in Hurghada with Nour. XXXXXXXXXXXX')).toEqual([]);
    // An office's code before the name (08STATE114173); a copy cut short after the signature (09ALGIERS1077).
    expect(parseSigners('Julie-Anne Peterson e-PINE Coordinator, EUR/NB RICE')).toEqual(['RICE']);
    expect(parseSigners('struck a chord with Bouteflika.\nJORDAN\nm ...')).toEqual(['JORDAN']);
    expect(parseSigners("despite Chavez's efforts.\n\nBrownfield\nHAVEZ...")).toEqual(['Brownfield']);
    // The release's end marker, then a copy of the header cut short (06BOGOTA5297).
    expect(parseSigners('for higher office.\n\nDRUCKER\n\n=====CABLE ENDS=====\n\nClassified By: CDA Milton K. Drucker\nRea...')).toEqual([
      'DRUCKER',
    ]);
    // The name itself cut short stays the name.
    expect(parseSigners('has cleared this cable.\nCHACON ...')).toEqual(['CHACON']);
    // What is left of a page header (08RECIFE34).
    expect(parseSigners('the rich and poor remain.\n\nPAGE')).toEqual([]);
    expect(parseSigners('again in 2011. END COMMENT. SHANNON SHANNON')).toEqual(['SHANNON', 'SHANNON']);
    // A table cut short after a row: its next row's first word signs nothing.
    expect(parseSigners('Services             73.3\nTourism              53.5\nCommercial')).toEqual([]);
  });
  test('recipients without the subject or note an export glued to the last one', () => {
    const header =
      'FM AMEMBASSY LONDON\nTO RUEHC/SECSTATE WASHDC PRIORITY 6401\nINFO RHEHNSC/NSC WASHDC PRIORITY\nRUCNDT/USMISSION USUN NEW YORK PRIORITY 0730UK OPEN TO FINANCIAL MEASURES\nClass: \tSECRET\nDate: \tFri Jun 16 10:23:00 2006';
    expect(parseInfoRecipients(header)).toEqual([
      { route: 'RHEHNSC', name: 'NSC WASHDC', precedence: 'PRIORITY', mcn: null },
      { route: 'RUCNDT', name: 'USMISSION USUN NEW YORK', precedence: 'PRIORITY', mcn: '0730' },
    ]);
  });
  test('recipients without the text a re-release ran into them', () => {
    expect(parseRecipients('R 242212Z FEB 10\nFM SECSTATE WASHDC\nTO AMEMBASSY MOSCOWXXXXXXXXXXXX In the Russian view, there is')).toEqual([
      { route: null, name: 'AMEMBASSY MOSCOW', precedence: null, mcn: null },
    ]);
  });
  test('recipients: a range of message numbers, the number before the precedence, the Secret Service', () => {
    // A cable sent in parts numbers each addressee's copies as a range (09STATE81957).
    expect(
      parseRecipients('FM SECSTATE WASHDC\nTO RUEHMO/AMEMBASSY MOSCOW IMMEDIATE 2593-2599\nINFO RUEHBO/AMEMBASSY BOGOTA 3806-3812'),
    ).toEqual([{ route: 'RUEHMO', name: 'AMEMBASSY MOSCOW', precedence: 'IMMEDIATE', mcn: '2593-2599' }]);
    const header =
      'FM AMEMBASSY MADRID\nTO RUEHC/SECSTATE WASHDC PRIORITY 3551\nINFO RUEHLO/AMEMBASSY LONDON 8778 PRIORITY\nRUCNSE/US SECRET SERVICE WASHDC PRIORITY\nRUEAIIA/CIA WASHDC PRIORITY';
    expect(parseInfoRecipients(header)).toEqual([
      { route: 'RUEHLO', name: 'AMEMBASSY LONDON', precedence: 'PRIORITY', mcn: '8778' },
      { route: 'RUCNSE', name: 'US SECRET SERVICE WASHDC', precedence: 'PRIORITY', mcn: null },
      { route: 'RUEAIIA', name: 'CIA WASHDC', precedence: 'PRIORITY', mcn: null },
    ]);
    // The release's date and banner glued to the last one (08TALLINN326).
    expect(
      parseInfoRecipients(
        'FM AMEMBASSY TALLINN\nTO RUEHC/SECSTATE WASHDC 0738\nINFO RUEHNO/USMISSION USNATO BRUSSELS BE9/22/2008 14:07 CONFIDENTIAL',
      ),
    ).toEqual([{ route: 'RUEHNO', name: 'USMISSION USNATO BRUSSELS BE', precedence: null, mcn: null }]);
  });
  test('summary markers', () => {
    const text = 'SUMMARY\n-------\n\n¶1. (C) The talks failed.\n\n¶2. (C) More.\nEnd Summary and Comment.';
    expect(parseSummary(text)).toBe('The talks failed. More.');
    expect(parseSummary('¶1. (C) Talks failed.\n\n¶2. (C) More.')).toBeNull();
    expect(parseSummary('¶2. (S/NF) Summary: Talks failed. (End Summary)')).toBe('Talks failed.');
    expect(parseSummary('1. (SBU) Executive Summary: Talks failed. End Executive Summary.')).toBe('Talks failed.');
    expect(parseSummary('1. (C) Introduction and Summary: Foo.\n\n2. (C) Bar. End Introduction and Summary.\n\n3. Rest.')).toBe(
      'Foo. Bar.',
    );
    // A year the release made a ¶ link at a line's start; a first copy cut short, then the whole one.
    expect(parseSummary('¶1. (C) Summary: Wages rise to 240 dollars in \n¶2010.  However, strikes loom. End Summary.')).toBe(
      'Wages rise to 240 dollars in 2010. However, strikes loom.',
    );
    expect(parseSummary('¶1. (C) Summary: At the ...\n\nid: 190261\n\n¶1. (C) Summary: At the half-way point. End summary.')).toBe(
      'At the half-way point.',
    );
    // A first copy cut short at its paragraph's end, the whole one after the banner.
    expect(
      parseSummary(
        '¶1. (SBU) Summary:  Ukrainian media is split on its covera...\n\nUNCLAS KYIV 001627\n\nSummary: Ukrainian media is split.\n\n2. More.',
      ),
    ).toBe('Ukrainian media is split.');
    // The label in brackets, and `Summary and` with an action after it.
    expect(parseSummary('¶1. (C) (SUMMARY): Post has found them.\n\n¶2. (C) More.')).toBe('Post has found them.');
    expect(parseSummary('¶1. (S/NF) (Summary) The committee met.\n\n¶2. (C) More.')).toBe('The committee met.');
    expect(parseSummary('¶1. (SBU) Summary and action request. Please see para 2.\n\n¶2. (C) More.')).toBe('Please see para 2.');
  });
});

describe('09USOSCE147, the sample cable', () => {
  const [sample] = readFixtures('fields').filter((fixture) => fixture.name === 'sample-cable');
  const text = sample?.input ?? '';
  test('fields as listed in the project brief', () => {
    expect(parseTags(text)).toEqual(['PARM', 'PREL', 'KCFE', 'OSCE', 'RS', 'XG']);
    expect(parseSubject(text)).toBe('OSCE: LAVROV AT ASRC ADDS LITTLE ON NEW SECURITY ARCHITECTURE');
    expect(parseRecipients(text)).toEqual([{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', mcn: '6442' }]);
    const info = parseInfoRecipients(text);
    expect(info).toHaveLength(16);
    expect(info.at(-1)).toEqual({ route: 'RUEHGV', name: 'USMISSION GENEVA', precedence: null, mcn: '1275' });
    expect(parseDeclassification(text)).toBeNull();
    expect(parseSigners(text)).toEqual(['Scott']);
    const summary = parseSummary(text) ?? '';
    expect(summary.startsWith('Addressing the opening session')).toBe(true);
    expect(summary.endsWith('"status-neutral" continuation of the international presence.')).toBe(true);
  });
});

describe('a TAGS code corrected for a typo', () => {
  test('is filed under the code it meant, and kept as written', () => {
    const corrections: TagCorrection[] = [];
    expect(parseTags('TAGS: PREL, PGOV, MOPPS, LE', { corrections })).toEqual(['PREL', 'PGOV', 'MOPS', 'LE']);
    expect(corrections).toEqual([{ written: 'MOPPS', tag: 'MOPS' }]);
  });
});
