/**
 * The renderer build, written once: `vite build --config vite.renderer.config.ts` uses it on its own (browser shell,
 * end-to-end tests) and electron.vite.config.ts reuses `rendererConfig` for the desktop build. Both write out/renderer.
 * Paths are absolute because the two tools resolve a relative outDir differently (vite from `root`, electron-vite
 * from the project root).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export const rendererRoot = here('./src-renderer');
export const rendererOutDir = here('./out/renderer');

export const rendererConfig = {
  root: rendererRoot,
  // Relative asset URLs: the same build is served from ew-app://app/ and from the browser shell's http://127.0.0.1:port/.
  base: './',
  plugins: [react()],
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
    rolldownOptions: {
      input: here('./src-renderer/index.html'),
    },
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);
