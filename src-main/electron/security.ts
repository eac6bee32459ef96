/**
 * The desktop shell's security rules as pure functions, so they can be unit-tested without Electron.
 * main.ts wires them into Electron; nothing here imports Electron at runtime.
 */
import path from 'node:path';
import type { WebPreferences } from 'electron';
import { APP_SCHEME, EVIDENCE_SCHEME } from '../../src-shared/contracts/bridge';
import { RENDERER_CSP } from '../server/csp';
import { APP_HOST, EVIDENCE_HOST } from './constants';

export { APP_HOST, APP_INDEX_URL, APP_ORIGIN, EVIDENCE_BASE_URL, EVIDENCE_HOST } from './constants';

/** The only permissions the renderer may be granted: copying to the clipboard and element fullscreen (video). */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write', 'fullscreen'];

/** Every BrowserWindow the app opens uses exactly these (the preload path is added by main.ts). */
export const WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is on the renderer's own origin, `ew-app://app/…` (no credentials, no port, no look-alike host). */
export function isAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** IPC is answered only for frames showing our own renderer. */
export function isAllowedSender(frameUrl: string): boolean {
  return isAppUrl(frameUrl);
}

/** The window may only move within the renderer's own origin (the hash router never leaves index.html anyway). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Links the user may open in the system browser: plain http(s) only, never file:, javascript:, custom schemes… */
export function isExternalLink(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
}

export function permissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}

const SHA256 = /^[0-9a-f]{64}$/;

/** `ew-evidence://blob/<sha256>` → the sha256, or null for anything else (other hosts, extra path segments, bad hex). */
export function evidenceShaFromUrl(url: string): string | null {
  const u = parseUrl(url);
  if (!u || u.protocol !== `${EVIDENCE_SCHEME}:` || u.hostname.toLowerCase() !== EVIDENCE_HOST || u.port !== '' || u.username !== '' || u.password !== '') return null;
  const sha = u.pathname.startsWith('/') ? u.pathname.slice(1) : u.pathname;
  return SHA256.test(sha) ? sha : null;
}

/**
 * Maps `ew-app://app/<path>` to a file inside `rendererRoot`, or null. `/` means index.html. Rejects other origins,
 * traversal (`..`, encoded or not, with either slash), absolute or drive paths, NUL bytes and malformed escapes.
 * Whether the file exists is the caller's business.
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: string): string | null {
  const u = parseUrl(requestUrl);
  if (!u || !isAppUrl(requestUrl)) return null;
  // URL parsing has already folded plain and %2e `..` segments; whatever still spells a parent, a drive or a
  // backslash after decoding (`..%2f`, `%5c`, `C:`) was smuggled in and is refused outright.
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\') || rel.includes(':')) return null;
  const segments = rel.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const RENDERER_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/** Content type for a built renderer file (module scripts need a JavaScript type, or Chromium refuses them). */
export function rendererContentType(file: string): string {
  return RENDERER_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * RENDERER_CSP adapted to the desktop shell: evidence is served from its own scheme rather than from 'self', so images,
 * media (video and caption tracks) and fetches (pdf.js byte ranges) may also come from `ew-evidence:`. Nothing else changes.
 */
export function desktopRendererCsp(base: string = RENDERER_CSP): string {
  const extra = `${EVIDENCE_SCHEME}:`;
  return base
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => (/^(img-src|media-src|connect-src)\s/.test(d) ? `${d} ${extra}` : d))
    .join('; ');
}
