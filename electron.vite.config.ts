/**
 * `electron-vite build`: main process (ESM, out/main/main.js, the package.json "main") beside the core host its utility
 * process runs (out/main/core-host.js), the sandboxed preload
 * (a single CommonJS file, out/preload/preload.cjs) and the renderer (out/renderer, the same config as
 * vite.renderer.config.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      // Dependencies stay in node_modules (better-sqlite3 is native and must never be bundled).
      externalizeDeps: true,
      rolldownOptions: {
        input: { main: here('./src-main/electron/main.ts'), 'core-host': here('./src-main/electron/core-host.ts') },
        external: ['better-sqlite3'],
        // Code both entries share goes beside them, not into a subfolder: core/paths.ts finds the project root two
        // levels above the file it is bundled into.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // A sandboxed preload can only require('electron'): bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: here('./src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: rendererConfig,
});
