/** One reason an import was refused, precise enough to fix the package: which package, which field or file, why. */
export interface ImportProblem {
  source: string;
  field?: string;
  file?: string;
  reason: string;
}

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `import refused, nothing was imported (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

export function formatProblem(p: ImportProblem): string {
  const where = [p.field && `field ${p.field}`, p.file && `file ${p.file}`].filter(Boolean).join(', ');
  return `- ${p.source}${where ? ` (${where})` : ''}: ${p.reason}`;
}
