/**
 * The curator's check of everything under `data/`: problems with file and line, and coverage per topic.
 * Used by `npm run kb:check`; other data folders (benefit rules, agencies) add their checks here.
 */
import { loadKnowledgeBase } from './knowledge-base.js';
import { formatProblem, type KnowledgeProblem } from './problems.js';

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
