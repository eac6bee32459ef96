/**
 * The renderer's Content-Security-Policy, the same in both shells: only our own scripts (plus WebAssembly for pdf.js
 * image decoders), inline styles for Mantine, media and workers from our own origin or blobs, nothing framed or posted.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
