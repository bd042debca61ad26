/** A finding about the data files, phrased for a curator: where, what is wrong, how serious. */
export interface KnowledgeProblem {
  severity: 'error' | 'warning';
  /** Path relative to the project root. */
  file: string;
  /** 1-based line, where known. */
  line?: number;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${p.severity === 'error' ? 'ERROR' : 'warning'} ${where}: ${p.message}`;
}

/** Thrown when the data cannot be used at all (a hot reload keeps the previous index then). */
export class KnowledgeLoadError extends Error {
  override readonly name = 'KnowledgeLoadError';
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      `knowledge base has ${problems.filter((p) => p.severity === 'error').length} error(s): ${problems
        .filter((p) => p.severity === 'error')
        .slice(0, 3)
        .map(formatProblem)
        .join('; ')}`,
    );
  }
}
