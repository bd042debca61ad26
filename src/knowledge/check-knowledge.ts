/**
 * The curator's check of everything under `data/`: problems with file and line, and coverage per topic.
 * Used by `npm run kb:check`; other data folders (benefit rules, agencies) add their checks here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileAudience } from '../search/entry-audience.js';
import { normalizeWords } from '../search/russian-normalizer.js';
import { loadSearchResources } from '../search/search-data.js';
import { loadAgencyDirectory } from '../services/agencies/agency-directory.js';
import { loadBenefitRules } from '../services/benefits/benefit-rules.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { isoToday, loadKnowledgeBase } from './knowledge-base.js';
import { formatProblem, type KnowledgeProblem } from './problems.js';
import { reviewSchedule } from './review-schedule.js';

/**
 * The benefit rules (data/benefits/) and the agency directory (data/agencies/): their problems, and summary lines
 * for curators (measures; offices per region and kind, and where the directory is thin).
 */
function checkServiceData(
  dataDir: string,
  kb: KnowledgeBase,
): { problems: KnowledgeProblem[]; lines: string[] } {
  const problems: KnowledgeProblem[] = [];
  const lines: string[] = [];
  if (existsSync(join(dataDir, 'benefits'))) {
    const benefits = loadBenefitRules(dataDir, {
      figures: kb.figures,
      entryExists: (id) => kb.entry(id) !== undefined,
    });
    problems.push(...benefits.problems);
    lines.push(`Benefit rules: ${benefits.rules.measures.length} measures.`);
  } else {
    problems.push({
      severity: 'warning',
      file: 'data/benefits',
      message: 'no benefit rules: the benefit finder will not start',
    });
  }
  if (existsSync(join(dataDir, 'agencies'))) {
    const agencies = loadAgencyDirectory(dataDir);
    problems.push(...agencies.problems);
    lines.push('Agency directory (offices by kind, hotlines):');
    for (const region of agencies.directory.regions) {
      const kinds = ['sfr-client-service', 'social-protection', 'mfc', 'regional-ministry'] as const;
      const counts = kinds
        .map((k) => `${k} ${region.agencies.filter((a) => a.kind === k).length}`)
        .join(', ');
      lines.push(
        `  ${region.region}: ${region.agencies.length} offices (${counts}); ${region.hotlines.length} hotlines`,
      );
      const missing = kinds.filter(
        (k) => k !== 'regional-ministry' && !region.agencies.some((a) => a.kind === k),
      );
      if (missing.length > 0)
        problems.push({
          severity: 'warning',
          file: `data/agencies/${region.region}.yaml`,
          message: `thin directory: no ${missing.join(', ')} records (the assistant points to the hotline instead)`,
        });
    }
  } else {
    problems.push({
      severity: 'warning',
      file: 'data/agencies',
      message: 'no agency directory: the agency finder will not start',
    });
  }
  return { problems, lines };
}

/**
 * An entry written for one group (`requires`) answers on its own only questions that name the group, so each of
 * its example questions must: otherwise the entry would not answer what it was written for.
 */
function checkAudiences(kb: KnowledgeBase): KnowledgeProblem[] {
  return kb.entries.flatMap((entry) => {
    if (entry.requires === undefined) return [];
    const namesAudience = compileAudience(entry.requires);
    return entry.questions
      .filter((q) => !namesAudience(normalizeWords(q)))
      .map((q) => ({
        severity: 'error' as const,
        file: entry.file,
        message: `example question "${q}" names none of \`requires\` (${entry.requires}): the entry would not answer it on its own`,
      }));
  });
}

/**
 * An overview (`overview_for`) is preferred only for questions that name its group, so at least one of its own example
 * questions should: when none does, the words are most likely misspelt and the overview is never preferred.
 */
function checkOverviews(kb: KnowledgeBase): KnowledgeProblem[] {
  return kb.entries.flatMap((entry) => {
    if (entry.overviewFor === undefined) return [];
    const namesGroup = compileAudience(entry.overviewFor);
    if (entry.questions.some((q) => namesGroup(normalizeWords(q)))) return [];
    return [
      {
        severity: 'warning' as const,
        file: entry.file,
        message: `no example question names the group of \`overview_for\` (${entry.overviewFor}): check its words`,
      },
    ];
  });
}

/**
 * `same_measure` names entries a follow-up's missing part is taken from: one of another topic, or no entry at all, is a
 * slip that would show another measure's part (or none).
 */
function checkSameMeasure(kb: KnowledgeBase): KnowledgeProblem[] {
  return kb.entries.flatMap((entry) =>
    (entry.sameMeasure ?? []).flatMap((id) => {
      const other = kb.entry(id);
      if (other && other.topic === entry.topic && other.id !== entry.id) return [];
      return [
        {
          severity: 'error' as const,
          file: entry.file,
          message: other
            ? `same_measure: "${id}" is not another entry of topic "${entry.topic}"`
            : `same_measure: no entry "${id}"`,
        },
      ];
    }),
  );
}

/**
 * A topic hint's `boost_entries` names entries by id; the search leaves an id no entry has alone (a test's small
 * knowledge base lacks most), so a misspelt one would silently do nothing.
 */
function checkHintEntries(dataDir: string, kb: KnowledgeBase): KnowledgeProblem[] {
  if (!existsSync(join(dataDir, 'search', 'topic-hints.yaml'))) return [];
  return loadSearchResources(dataDir).topicHints.hints.flatMap((hint) =>
    Object.keys(hint.boostEntries ?? {}).flatMap((id) =>
      kb.entry(id)
        ? []
        : [
            {
              severity: 'error' as const,
              file: 'data/search/topic-hints.yaml',
              message: `boost_entries: no entry "${id}" (the hint for "${hint.when}")`,
            },
          ],
    ),
  );
}

/** `see_also` names an entry of another topic to offer under the answer: a missing one, or one of its own topic, is a slip. */
function checkSeeAlso(kb: KnowledgeBase): KnowledgeProblem[] {
  return kb.entries.flatMap((entry) => {
    if (entry.seeAlso === undefined) return [];
    const other = kb.entry(entry.seeAlso);
    if (other && other.topic !== entry.topic) return [];
    return [
      {
        severity: 'error' as const,
        file: entry.file,
        message: other
          ? `see_also: "${entry.seeAlso}" is of the entry's own topic (the search offers those itself)`
          : `see_also: no entry "${entry.seeAlso}"`,
      },
    ];
  });
}

export interface CheckReport {
  errors: number;
  warnings: number;
  problems: KnowledgeProblem[];
  /** Entries per topic slug (0 = uncovered). */
  coverage: Record<string, number>;
  text: string;
}

export function checkKnowledge(dataDir: string, options: { today?: string } = {}): CheckReport {
  let problems: KnowledgeProblem[];
  let coverage: Record<string, number> = {};
  const lines: string[] = [];
  try {
    const loaded = loadKnowledgeBase(dataDir, options);
    problems = loaded.problems;
    const { kb } = loaded;
    coverage = Object.fromEntries(kb.taxonomy.topics.map((t) => [t.slug, kb.entriesOfTopic(t.slug).length]));
    for (const topic of kb.taxonomy.topics) {
      if (coverage[topic.slug] === 0) {
        problems.push({
          severity: 'error',
          file: 'data/faq',
          message: `topic "${topic.slug}" (${topic.title}) has no entry`,
        });
      }
    }
    problems.push(
      ...checkAudiences(kb),
      ...checkOverviews(kb),
      ...checkSameMeasure(kb),
      ...checkHintEntries(dataDir, kb),
      ...checkSeeAlso(kb),
    );
    const services = checkServiceData(dataDir, kb);
    problems.push(...services.problems);
    lines.push(...problems.map(formatProblem));
    lines.push('', 'Coverage (entries per topic):');
    for (const category of kb.taxonomy.categories) {
      lines.push(`  ${category.slug}`);
      for (const topic of kb.taxonomy.topics.filter((t) => t.category === category.slug)) {
        lines.push(`    ${String(coverage[topic.slug]).padStart(3)}  ${topic.slug}`);
      }
    }
    const covered = Object.values(coverage).filter((n) => n > 0).length;
    lines.push(
      '',
      `${kb.entries.length} entries, ${covered}/${kb.taxonomy.topics.length} topics covered, ${kb.figures.size} figures.`,
      ...services.lines,
      ...reviewSchedule(kb.entries, options.today ?? isoToday()),
    );
  } catch (error) {
    problems = [
      {
        severity: 'error',
        file: 'data',
        message: `cannot read the knowledge base: ${(error as Error).message}`,
      },
    ];
    lines.push(...problems.map(formatProblem));
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  lines.push(
    errors > 0
      ? `FAILED: ${errors} error(s), ${warnings} warning(s).`
      : `OK: 0 errors, ${warnings} warning(s).`,
  );
  return { errors, warnings, problems, coverage, text: lines.join('\n') };
}
