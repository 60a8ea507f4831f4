import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';

/** A titled piece of BENCHMARKS.md. */
export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
}

/** The machine and date a section was measured on, as one line. */
export function measuredOn(command: string): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `_Measured by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}._`;
}

const FILE = 'BENCHMARKS.md';
/** The section `npm run load` writes. */
export const RELIABILITY = 'RELIABILITY';
const HEADER = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (every section, or `npm run bench -- NAME …` for some) and `npm run load` (RELIABILITY).',
  'Each section names the machine and date it was measured on. Figures come from one run on a shared machine: read them as orders of magnitude, not promises.',
  '',
].join('\n');

/**
 * Writes sections into BENCHMARKS.md, each replacing the section of the same title and keeping
 * the others, so a section can be measured again on its own without losing the rest.
 */
export function writeSections(sections: readonly BenchSection[], command: string): void {
  const blocks = new Map<string, string>();
  if (existsSync(FILE)) {
    const text = readFileSync(FILE, 'utf8');
    for (const part of text.split(/^(?=## )/m).slice(1)) blocks.set(part.slice(3, part.indexOf('\n')).trim(), part.trimEnd());
  }
  for (const r of sections) blocks.set(r.title, `## ${r.title}\n\n${measuredOn(command)}\n\n${r.markdown.trim()}`);
  // Sections keep their place; new ones come before RELIABILITY, which stays last.
  const titles = [...blocks.keys()].sort((a, b) => Number(a === RELIABILITY) - Number(b === RELIABILITY));
  writeFileSync(FILE, `${HEADER}\n${titles.map((t) => blocks.get(t)).join('\n\n')}\n`);
}


/** The `### title` subsection of a section of BENCHMARKS.md, heading included, or undefined. */
export function readSubsection(section: string, title: string): string | undefined {
  if (!existsSync(FILE)) return undefined;
  const part = readFileSync(FILE, 'utf8')
    .split(/^(?=## )/m)
    .find((p) => p.slice(3, p.indexOf('\n')).trim() === section);
  return part?.split(/^(?=### )/m).find((p) => p.slice(4, p.indexOf('\n')).trim() === title)?.trimEnd();
}

/**
 * Writes one `### title` subsection inside a section of BENCHMARKS.md (replacing it, or added at
 * the section's end), keeping the rest of the section: two commands can share a section.
 */
export function writeSubsection(section: string, title: string, markdown: string, command: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : `${HEADER}\n`;
  const parts = text.split(/^(?=## )/m);
  const block = `### ${title}\n\n${measuredOn(command)}\n\n${markdown.trim()}`;
  const at = parts.findIndex((p) => p.startsWith('## ') && p.slice(3, p.indexOf('\n')).trim() === section);
  if (at < 0) {
    writeSections([{ title: section, markdown: block }], command);
    return;
  }
  const subs = parts[at]!.trimEnd().split(/^(?=### )/m);
  const i = subs.findIndex((p) => p.startsWith('### ') && p.slice(4, p.indexOf('\n')).trim() === title);
  if (i >= 0) subs[i] = block;
  else subs.push(block);
  parts[at] = `${subs.map((p) => p.trimEnd()).join('\n\n')}\n${at < parts.length - 1 ? '\n' : ''}`;
  writeFileSync(FILE, parts.join(''));
}
