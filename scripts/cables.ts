/**
 * The parser from the command line.
 *
 *   npm run cables -- inspect <file>    frontmatter, section outline and messages of one cable
 *   npm run cables -- check [folder]    parse a whole folder: counts, problems, field coverage, MB/s
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeCable, formatMessage, type Message, parseCable, renderCable } from '../src/lib/cable/index.ts';
import { exitWithUsage, parseOptions } from './options.ts';

const usage = `usage: npm run cables -- inspect <file>
       npm run cables -- check [folder]   (default: $CABLES_DIR or cables/)`;

const { positionals, values } = parseOptions(usage, {
  allowPositionals: true,
  options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
const [command, target] = positionals;

if (values.help) console.log(usage);
else if (command === 'inspect' && target) await inspect(target);
else if (command === 'check') await check(target ?? process.env.CABLES_DIR ?? 'cables');
else {
  console.error(usage);
  process.exitCode = 2;
}

/** A file or folder the user named that cannot be read: what went wrong and what to do, exit code 1. */
function unreadable(what: string, target: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'ENOTDIR'
        ? 'is not a folder'
        : code === 'EISDIR'
          ? 'is a folder: inspect takes one cable file, check takes a folder'
          : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  return exitWithUsage(`${what} ${target} ${reason}`, usage, 1);
}

async function inspect(file: string): Promise<void> {
  const bytes = await readFile(file).catch((error: unknown) => unreadable('the file', file, error));
  const decoded = decodeCable(bytes, { path: file });
  const result = decoded.text === null ? { cable: null, messages: [] } : parseCable(decoded.text, { path: file });
  const messages = [...decoded.messages, ...result.messages];
  if (values.json) {
    console.log(
      JSON.stringify({ frontmatter: result.cable?.frontmatter ?? null, markdown: result.cable?.markdown ?? null, messages }, null, 2),
    );
    return;
  }
  if (result.cable) {
    console.log(JSON.stringify(result.cable.frontmatter, null, 2));
    const { headings, paragraphs } = renderCable(result.cable.tree, { signers: result.cable.frontmatter.signers });
    console.log('\nSections:');
    const bySection = new Map<string | null, string[]>();
    for (const paragraph of paragraphs) bySection.set(paragraph.section, [...(bySection.get(paragraph.section) ?? []), paragraph.id]);
    if (bySection.has(null)) console.log(`  (before the first heading)  ${bySection.get(null)!.join(' ')}`);
    for (const heading of headings) console.log(`  ## ${heading.text}  #${heading.id}  ${(bySection.get(heading.id) ?? []).join(' ')}`);
  }
  console.log(messages.length ? `\nMessages:\n${messages.map((m) => `  ${formatMessage(m)}`).join('\n')}` : '\nNo messages.');
  if (messages.some((message) => message.fatal)) process.exitCode = 1;
}

async function check(folder: string): Promise<void> {
  const entries = await readdir(folder).catch((error: unknown) => unreadable('the folder', folder, error));
  const names = entries.filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) {
    console.error(`the folder ${folder} holds no .txt files: point check at a folder of cable files, such as ../shared/corpus/cables`);
    process.exit(1);
  }
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(path.join(folder, name)) })));
  const fields: Record<string, number> = {
    tags: 0,
    subject: 0,
    references: 0,
    'references naming a cable': 0,
    summary: 0,
    signers: 0,
    classifiedBy: 0,
    declassify: 0,
    from: 0,
    to: 0,
    info: 0,
    'date with time': 0,
    partial: 0,
  };
  const warnings: Record<string, number> = {};
  const fatal: Message[] = [];
  let parsed = 0;
  let bytes = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const file of files) {
    bytes += file.bytes.length;
    const filePath = path.join(folder, file.name);
    const decoded = decodeCable(file.bytes, { path: filePath });
    const { cable, messages } = decoded.text === null ? { cable: null, messages: [] } : parseCable(decoded.text, { path: filePath });
    for (const message of [...decoded.messages, ...messages]) {
      if (message.fatal) fatal.push(message);
      else warnings[message.ruleId] = (warnings[message.ruleId] ?? 0) + 1;
    }
    if (!cable) continue;
    parsed++;
    const data = cable.frontmatter;
    const count = (key: string, present: boolean): void => {
      if (present) fields[key]!++;
    };
    count('tags', data.tags.length > 0);
    count('subject', data.subject.length > 0);
    count('references', data.references.length > 0);
    count(
      'references naming a cable',
      data.references.some((reference) => reference.id),
    );
    count('summary', data.summary !== null);
    count('signers', data.signers.length > 0);
    count('classifiedBy', data.classifiedBy.length > 0);
    count('declassify', data.declassify !== null);
    count('from', data.from !== null);
    count('to', data.to.length > 0);
    count('info', data.info.length > 0);
    count('date with time', data.date.length > 10);
    count('partial', data.isPartial);
  }
  const seconds = (performance.now() - started) / 1000;
  // CPU time of this one thread: steadier than the wall clock on a shared machine.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Both units, said as such: MiB (2^20 bytes) is the stricter figure, MB (10^6 bytes) the SI one.
  const mebibytes = bytes / 1024 / 1024;
  const megabytes = bytes / 1e6;
  const report = {
    folder,
    files: files.length,
    parsed,
    fatal: fatal.length,
    warnings,
    fields,
    bytes,
    seconds: Number(seconds.toFixed(2)),
    mebibytesPerSecond: Number((mebibytes / seconds).toFixed(1)),
    megabytesPerSecond: Number((megabytes / seconds).toFixed(1)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    mebibytesPerCpuSecond: Number((mebibytes / cpuSeconds).toFixed(1)),
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${parsed} of ${files.length} cables parsed from ${folder}; ${fatal.length} fatal problems`);
    for (const message of fatal) console.log(`  ${formatMessage(message)}`);
    console.log('\nWarnings by rule:');
    for (const [rule, n] of Object.entries(warnings).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${rule}`);
    console.log(`\nCables with each field (of ${parsed}):`);
    for (const [field, n] of Object.entries(fields)) {
      console.log(`  ${String(n).padStart(6)}  ${((100 * n) / Math.max(parsed, 1)).toFixed(1).padStart(5)}%  ${field}`);
    }
    console.log(
      `\nParsed ${mebibytes.toFixed(1)} MiB (${megabytes.toFixed(1)} MB) in ${seconds.toFixed(2)} s wall: ` +
        `${(mebibytes / seconds).toFixed(1)} MiB/s, ${(megabytes / seconds).toFixed(1)} MB/s (one core, reading excluded)`,
    );
    console.log(
      `          ${cpuSeconds.toFixed(2)} s of CPU: ${(mebibytes / cpuSeconds).toFixed(1)} MiB per CPU second (steadier on a busy machine)`,
    );
  }
  if (fatal.length > 0) process.exitCode = 1;
}
