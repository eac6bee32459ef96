import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { IssuerKey } from './keys';
import { signBadge } from './sign';
import type { OpenBadgeCredential, SignedBadge } from './types';

export interface RenderedBadge {
  /** The file content: pretty-printed JSON with a trailing newline. */
  text: string;
  document: SignedBadge;
  /** The VC-JWT on its own (also inside document.proof[0].jwt); a valid OB 3.0 ".jwt" file by itself. */
  jws: string;
}

/** Signs a credential and renders the exported file's text, for callers that hand content on rather than write it. */
export async function renderBadgeFile(credential: OpenBadgeCredential, key: IssuerKey): Promise<RenderedBadge> {
  const { document, jws } = await signBadge(credential, key);
  return { text: `${JSON.stringify(document, null, 2)}\n`, document, jws };
}

/** A safe default file name: achievement code plus the credential's uuid, e.g. "TST-8-1b9d…-badge.json". */
export function badgeFileName(credential: OpenBadgeCredential): string {
  const code = credential.credentialSubject.achievement.humanCode.replace(/[^A-Za-z0-9_.-]+/g, '_');
  const uuid = credential.id.replace(/^urn:uuid:/i, '');
  return `${code}-${uuid}-badge.json`;
}

/**
 * Signs the credential and writes the badge file to `filePath` (or, if `filePath` is an existing directory or ends
 * in a path separator, to badgeFileName inside it). Atomic: a temp file in the same directory renamed into place, so an interrupted
 * export never leaves a truncated badge behind.
 */
export async function exportBadge(filePath: string, credential: OpenBadgeCredential, key: IssuerKey): Promise<RenderedBadge & { filePath: string }> {
  const rendered = await renderBadgeFile(credential, key);
  const isDir = /[\\/]$/.test(filePath) || fs.statSync(filePath, { throwIfNoEntry: false })?.isDirectory() === true;
  const target = isDir ? path.join(filePath, badgeFileName(credential)) : filePath;
  writeFileAtomic(target, rendered.text);
  return { ...rendered, filePath: target };
}
