/**
 * Reads `data/faq/**.md`: YAML front matter plus sections under fixed headings. Every problem is reported with
 * the file and line so that a curator can fix it without reading code.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { comparableText } from '../i18n/comparable-text.js';
import {
  type KnowledgeEntry,
  REGIONS,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
  type Taxonomy,
} from './entry.js';
import { FIGURE_REF, type FigureTable, figureRefs } from './figures.js';
import type { KnowledgeProblem } from './problems.js';

export const MAX_SHORT_CHARS = 600;
export const MAX_SECTION_CHARS = 1500;
/** A part's own name is a button's label: the longest common one («📞 Куда звонить и обращаться») is 28. */
const MAX_SECTION_TITLE_CHARS = 32;
/** The longest a filled-in value gets ("728 921,90 ₽", "28 450,45 ₽"). */
const WORST_VALUE_CHARS = 16;
/**
 * What the first regional figure of a text gets around its value while the region is unknown: "(в среднем по России;
 * в Пермском крае — …, в Волгоградской области — …)" with two more values (figures.federal_approx_served).
 */
const WORST_NOTE_CHARS = 90;

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

const WHOLE_FROM_1 = 'must be a whole number from 1';

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2–40 lower-case latin letters, digits and dashes'),
  topic: z.string().min(1),
  title: z.string().min(3),
  regions: z.array(z.enum(REGIONS)).min(1),
  questions: z.array(z.string().min(3)).min(4, 'needs at least 4 example questions'),
  keywords: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
  requires: z.string().trim().min(2).optional(),
  overview_for: z.string().trim().min(2).optional(),
  same_measure: z.array(z.string().min(2)).min(1).optional(),
  see_also: z.string().min(2).optional(),
  menu_order: z.number({ error: WHOLE_FROM_1 }).int(WHOLE_FROM_1).min(1, WHOLE_FROM_1).optional(),
  section_titles: z
    .partialRecord(
      z.enum(SECTION_KEYS),
      z
        .string()
        .trim()
        .min(3)
        .max(
          MAX_SECTION_TITLE_CHARS,
          `keep a part's name within ${MAX_SECTION_TITLE_CHARS} characters (a button)`,
        )
        .regex(/^[^\n]*$/, "a part's name is one line"),
    )
    .optional(),
  short: z.string().min(10),
  sources: z
    .array(
      z.object({
        title: z.string().min(3),
        url: z
          .string()
          .regex(/^https?:\/\/\S+$/, 'must start with http:// or https://')
          .optional(),
        official: z.boolean(),
      }),
    )
    .min(1, 'needs at least one source'),
  as_of: isoDate,
  review_by: isoDate,
});

function listMarkdownFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.endsWith('/')) return listMarkdownFiles(join(dir, name.slice(0, -1)));
    return name.endsWith('.md') && name !== 'README.md' ? [join(dir, name)] : [];
  });
}

interface ParsedFile {
  entry?: KnowledgeEntry;
  problems: KnowledgeProblem[];
  /** Line of each question, for duplicate reports. */
  questionLines: number[];
}

/** Parses one entry file; `rel` is its path relative to the project root. */
export function parseEntryFile(
  source: string,
  rel: string,
  taxonomy: Taxonomy,
  figures: FigureTable = new Map(),
): ParsedFile {
  const problems: KnowledgeProblem[] = [];
  const error = (message: string, line?: number) =>
    problems.push({ severity: 'error', file: rel, line, message });
  const text = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!fm) {
    error('the file must start with front matter between two "---" lines', 1);
    return { problems, questionLines: [] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(fm[1]!, { lineCounter: lines });
  // Front matter starts on line 2 of the file.
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lines.linePos(offset).line + 1;
  for (const e of doc.errors)
    error(`YAML syntax: ${e.message.split('\n')[0]}`, (e.linePos?.[0]?.line ?? 0) + 1);
  if (doc.errors.length > 0) return { problems, questionLines: [] };
  const keyLine = (key: string): number | undefined => {
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair && isScalar(pair.key) ? lineOf(pair.key.range?.[0]) : undefined;
  };
  const parsed = frontMatterSchema.safeParse(doc.toJSON());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const what = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
      error(`${issue.path.join('.') || 'front matter'}: ${what}`, keyLine(field));
    }
  }
  // The body is checked even when the front matter is broken, so one run shows every problem.
  const body = parseSections(text, fm, rel, error);
  if (!parsed.success) return { problems, questionLines: [] };
  const fmData = parsed.data;
  const questionsNode = doc.get('questions', true);
  const questionLines = isSeq(questionsNode)
    ? questionsNode.items.map((n) => lineOf((n as { range?: [number, number, number] }).range?.[0]) ?? 1)
    : [];

  const fileId = rel.split(/[\\/]/).pop()!.replace(/\.md$/, '');
  if (fmData.id !== fileId) error(`id "${fmData.id}" must equal the file name "${fileId}"`, keyLine('id'));
  const topic = taxonomy.topics.find((t) => t.slug === fmData.topic);
  if (!topic) error(`unknown topic "${fmData.topic}" (see data/topics.yaml)`, keyLine('topic'));
  else {
    const folder = rel.split(/[\\/]/).slice(-2, -1)[0];
    if (folder !== topic.category) {
      problems.push({
        severity: 'warning',
        file: rel,
        line: keyLine('topic'),
        message: `topic "${topic.slug}" belongs to category "${topic.category}", but the file is in "${folder}/"`,
      });
    }
  }
  const short = fmData.short.trim();
  // Only the first regional figure gets the note; a key the table lacks is reported elsewhere and counted as one.
  const regional = figureRefs(short).some((key) => figures.get(key)?.regional ?? true);
  const worstLength =
    short.replace(FIGURE_REF, 'x'.repeat(WORST_VALUE_CHARS)).length + (regional ? WORST_NOTE_CHARS : 0);
  if (worstLength > MAX_SHORT_CHARS) {
    error(
      `short answer is ${worstLength} characters with figures filled in; keep it within ${MAX_SHORT_CHARS}`,
      keyLine('short'),
    );
  }
  if (fmData.review_by < fmData.as_of) error('review_by is earlier than as_of', keyLine('review_by'));

  const sections = body;
  const sectionTitles = fmData.section_titles ?? {};
  for (const key of Object.keys(sectionTitles) as SectionKey[]) {
    if (sections[key] === undefined)
      error(
        `section_titles.${key}: the entry has no such part (its heading is missing)`,
        keyLine('section_titles'),
      );
  }

  const entry: KnowledgeEntry = {
    id: fmData.id,
    topic: fmData.topic,
    title: fmData.title.trim(),
    questions: fmData.questions.map((q) => q.trim()),
    keywords: fmData.keywords.map((k) => k.trim()).filter((k) => k.length > 0),
    ...(fmData.requires ? { requires: fmData.requires } : {}),
    ...(fmData.overview_for ? { overviewFor: fmData.overview_for } : {}),
    ...(fmData.same_measure ? { sameMeasure: fmData.same_measure } : {}),
    ...(fmData.see_also ? { seeAlso: fmData.see_also } : {}),
    ...(fmData.menu_order !== undefined ? { menuOrder: fmData.menu_order } : {}),
    regions: fmData.regions,
    short: fmData.short.trim(),
    sections,
    ...(Object.keys(sectionTitles).length > 0 ? { sectionTitles } : {}),
    sources: fmData.sources.map((s) => ({ title: s.title, url: s.url, official: s.official })),
    asOf: fmData.as_of,
    reviewBy: fmData.review_by,
    file: rel,
  };
  return { entry, problems, questionLines };
}

/** Reads the sections under the fixed `## ` headings; reports unknown headings, stray text and sizes. */
function parseSections(
  text: string,
  fm: RegExpExecArray,
  _rel: string,
  error: (message: string, line?: number) => void,
): Partial<Record<SectionKey, string>> {
  const bodyStartLine = text.slice(0, fm.index + fm[0].length).split('\n').length;
  const lines = text.slice(fm.index + fm[0].length).split('\n');
  const sections: Partial<Record<SectionKey, string>> = {};
  const sectionLines: Partial<Record<SectionKey, number>> = {};
  let current: SectionKey | undefined;
  let buffer: string[] = [];
  const flush = () => {
    if (current) sections[current] = buffer.join('\n').trim();
    buffer = [];
  };
  lines.forEach((line, i) => {
    const lineNo = bodyStartLine + i;
    const heading = /^#{1,6}\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      const key = SECTION_HEADINGS[heading[1]!];
      if (!key) {
        error(
          `unknown heading "${heading[1]}"; use one of: ${Object.keys(SECTION_HEADINGS).join(', ')}`,
          lineNo,
        );
        current = undefined;
      } else if (sections[key] !== undefined) {
        error(`section "${heading[1]}" appears twice`, lineNo);
        current = undefined;
      } else {
        current = key;
        sectionLines[key] = lineNo;
      }
      return;
    }
    if (current) buffer.push(line);
    else if (line.trim() !== '')
      error('text outside any section: put it under one of the fixed "## " headings', lineNo);
  });
  flush();
  for (const key of SECTION_KEYS) {
    const body = sections[key];
    if (body === undefined) continue;
    if (body.length === 0) error('section is empty', sectionLines[key]);
    if (body.length > MAX_SECTION_CHARS) {
      error(`section is ${body.length} characters; keep it within ${MAX_SECTION_CHARS}`, sectionLines[key]);
    }
    if (body.length === 0) delete sections[key];
  }
  if (Object.keys(sections).length === 0) error('the entry has no sections', bodyStartLine);

  return sections;
}

export interface LoadedEntries {
  entries: KnowledgeEntry[];
  problems: KnowledgeProblem[];
}

/**
 * Loads every entry under `<dataDir>/faq`. Entries with errors are left out (and reported); checks across files
 * (duplicate ids and questions, unknown figures, overdue reviews) are reported too.
 */
export function loadEntries(
  dataDir: string,
  projectRoot: string,
  taxonomy: Taxonomy,
  figures: FigureTable,
  today: string,
): LoadedEntries {
  const problems: KnowledgeProblem[] = [];
  const entries: KnowledgeEntry[] = [];
  const byId = new Map<string, string>();
  const byQuestion = new Map<string, string>();
  for (const path of listMarkdownFiles(join(dataDir, 'faq')).sort()) {
    const rel = relative(projectRoot, path).split(sep).join('/');
    const parsed = parseEntryFile(readFileSync(path, 'utf8'), rel, taxonomy, figures);
    problems.push(...parsed.problems);
    const entry = parsed.entry;
    if (!entry) continue;
    let ok = !parsed.problems.some((p) => p.severity === 'error');
    const seen = byId.get(entry.id);
    if (seen) {
      problems.push({
        severity: 'error',
        file: rel,
        line: 2,
        message: `duplicate id "${entry.id}" (also in ${seen})`,
      });
      ok = false;
    }
    entry.questions.forEach((q, i) => {
      const key = comparableText(q);
      const other = byQuestion.get(key);
      if (other && other !== entry.id) {
        problems.push({
          severity: 'error',
          file: rel,
          line: parsed.questionLines[i],
          message: `example question "${q}" is also in entry "${other}"`,
        });
        ok = false;
      }
    });
    const staleFigures = new Set<string>();
    for (const text of [entry.short, ...Object.values(entry.sections)]) {
      for (const key of figureRefs(text)) {
        const nextChange = figures.get(key)?.nextChange;
        if (nextChange !== undefined && entry.reviewBy >= nextChange && !staleFigures.has(key)) {
          staleFigures.add(key);
          problems.push({
            severity: 'warning',
            file: rel,
            message: `review_by ${entry.reviewBy} is not before {{fig:${key}}} changes (${nextChange}): the answer would show the old amount unwarned; set review_by earlier`,
          });
        }
        if (!figures.has(key)) {
          problems.push({
            severity: 'error',
            file: rel,
            message: `unknown figure "{{fig:${key}}}" (see data/figures.yaml)`,
          });
          ok = false;
        }
      }
    }
    if (entry.reviewBy < today) {
      problems.push({
        severity: 'warning',
        file: rel,
        message: `review_by ${entry.reviewBy} is past: check the facts and move it`,
      });
    }
    if (!entry.sources.some((s) => s.official)) {
      problems.push({
        severity: 'warning',
        file: rel,
        message: 'no official source: add sfr.gov.ru, gosuslugi.ru, the law or the regional ministry',
      });
    }
    // Ids and questions of broken entries still count, so every clash is reported in one run.
    if (!seen) byId.set(entry.id, rel);
    for (const q of entry.questions)
      if (!byQuestion.has(comparableText(q))) byQuestion.set(comparableText(q), entry.id);
    if (ok) entries.push(entry);
  }
  return { entries, problems };
}
