/**
 * URLs of the desktop shell's two custom schemes. Dependency-free on purpose: the sandboxed preload bundles this file,
 * and a sandboxed preload can only require 'electron'.
 */
import { APP_SCHEME, EVIDENCE_SCHEME } from '../../src-shared/contracts/bridge';

/** The renderer's one origin: `ew-app://app`. */
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/** Evidence blobs: `ew-evidence://blob/<sha256>`. */
export const EVIDENCE_HOST = 'blob';
export const EVIDENCE_BASE_URL = `${EVIDENCE_SCHEME}://${EVIDENCE_HOST}/`;
