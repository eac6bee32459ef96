/**
 * What the browser shell prints once it listens. The URL comes last, where a person looks after a screen of output;
 * when `npm start` fell back from the desktop window, the reason sits right above it (EVIDENCE_WORKBENCH_FALLBACK).
 */
export function shellBanner({ dataDir, url, fallbackReason }: { dataDir: string; url: string; fallbackReason?: string }): string[] {
  const lines = [`Evidence Workbench (browser shell) — data: ${dataDir}`];
  const reason = fallbackReason?.trim();
  if (reason) lines.push('', `The desktop window could not start: ${reason}`, 'The same app runs in your browser instead; open this address:');
  lines.push(`Open: ${url}`);
  return lines;
}
