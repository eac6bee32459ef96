/**
 * pdf.js fetches three kinds of binary data on demand: predefined CMaps (CJK text), the standard 14 fonts (PDFs that
 * name Helvetica or Times without embedding them) and WebAssembly image decoders (JPEG 2000, JBIG2 in scans). It
 * expects each as a directory URL, but Vite emits hashed file names, so the worker is told to ask the main thread
 * (`useWorkerFetch: false`) and this factory answers from the build's own asset map. Everything is same-origin and
 * works offline; nothing is fetched unless a document needs it.
 */
const asUrls = (files: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

// `?url&no-inline`: always a file URL, never a data: URL (the CSP's connect-src would refuse to fetch one).
const CMAPS = asUrls(import.meta.glob('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true }));
const FONTS = asUrls(
  import.meta.glob(['../../../../node_modules/pdfjs-dist/standard_fonts/*.pfb', '../../../../node_modules/pdfjs-dist/standard_fonts/*.ttf'], {
    query: '?url&no-inline',
    import: 'default',
    eager: true,
  }),
);
const WASM = asUrls(import.meta.glob('../../../../node_modules/pdfjs-dist/wasm/*.wasm', { query: '?url&no-inline', import: 'default', eager: true }));

const TABLES = { cMapUrl: CMAPS, standardFontDataUrl: FONTS, wasmUrl: WASM } as const;
type Kind = keyof typeof TABLES;

/** Shaped like pdf.js's BaseBinaryDataFactory: constructed by getDocument, asked for `{ kind, filename }`. */
export class BundledBinaryDataFactory {
  async fetch({ kind, filename }: { kind: Kind; filename: string }): Promise<Uint8Array> {
    const url = TABLES[kind]?.get(filename);
    if (!url) throw new Error(`pdf.js asked for ${kind} ${filename}, which is not bundled`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Unable to load ${filename}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

/** Counts for tests and diagnostics: a build that lost the assets would silently fall back to system fonts. */
export const bundledCounts = { cmaps: CMAPS.size, fonts: FONTS.size, wasm: WASM.size };
