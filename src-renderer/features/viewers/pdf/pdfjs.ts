/**
 * The one place that configures pdf.js. The worker is a file of this build (Vite `?url`), never a CDN, so the viewer
 * works offline and under the renderer CSP (worker-src 'self'). Documents are opened without eval (CSP has no
 * 'unsafe-eval') and without scripting: pdf.js only runs PDF JavaScript through its scripting sandbox, which belongs to
 * the full pdf_viewer and is never loaded here.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, PixelsPerInch, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { BundledBinaryDataFactory } from './binaryData';

GlobalWorkerOptions.workerSrc = workerUrl;

/** CSS pixels per PDF point: "100%" shows a page at its printed size, as pdf.js's own viewer does. */
export const CSS_UNITS = PixelsPerInch.PDF_TO_CSS_UNITS;

let worker: PDFWorker | null = null;

/**
 * One worker for every document: starting a worker means parsing a 1.2 MB script, which would otherwise be paid each
 * time a reviewer switches between a portfolio's PDFs. A document given a worker leaves it running when destroyed.
 */
function sharedWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker();
  return worker;
}

export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    worker: sharedWorker(),
    isEvalSupported: false,
    // Fonts, CMaps and decoders come from this build through the main thread (see binaryData.ts).
    useWorkerFetch: false,
    BinaryDataFactory: BundledBinaryDataFactory,
    // Standard fonts from the bundle rather than whatever the system has: the text layer then lines up with the glyphs.
    useSystemFonts: false,
    enableXfa: false,
  });
}

export type PdfProblem = 'password' | 'damaged' | 'unavailable';

/**
 * pdf.js rebuilds worker errors on the main thread and keeps their class name in `name` (PasswordException and
 * InvalidPDFException are not exported as classes, so the name is what to test).
 */
export function classifyPdfError(err: unknown): PdfProblem {
  const name = err instanceof Error || (typeof err === 'object' && err !== null) ? String((err as { name?: unknown }).name ?? '') : '';
  if (name === 'PasswordException') return 'password';
  if (name === 'ResponseException' || name === 'MissingPDFException' || name === 'UnexpectedResponseException') return 'unavailable';
  return 'damaged';
}

export const PROBLEM_MESSAGE: Record<PdfProblem, { title: string; detail: string }> = {
  password: {
    title: 'This PDF is password-protected',
    detail: 'The workbench does not open protected files. Ask the candidate for a copy without a password.',
  },
  damaged: {
    title: 'This PDF is damaged and cannot be shown',
    detail: 'The file is not a readable PDF. Ask the candidate to export it again.',
  },
  unavailable: {
    title: 'This PDF could not be loaded',
    detail: 'The file is missing from the evidence store or the workbench server is not reachable.',
  },
};
