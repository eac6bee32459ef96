import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { classifyPdfError, CSS_UNITS, openPdf, type PdfProblem } from './pdfjs';

/** A page's size in CSS pixels at 100% with its own /Rotate applied (the user's rotation comes on top). */
export interface PageSize {
  w: number;
  h: number;
}

export type PdfDocState =
  | { status: 'loading' }
  | { status: 'error'; problem: PdfProblem }
  | { status: 'ready'; doc: PDFDocumentProxy; sizes: PageSize[] };

const SIZE_BATCH = 24;
const FIRST_PAGE_HEAD_START_MS = 400;

/**
 * Opens a PDF and learns its page sizes. Page 1's size stands in for every page at first (as pdf.js's viewer does), so
 * page 1 can be laid out and drawn at once; the other sizes are read in the background in batches and only cause a
 * re-layout if some page differs.
 */
export function usePdfDocument(url: string): PdfDocState {
  const [state, setState] = useState<PdfDocState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    const task = openPdf(url);
    void (async () => {
      let doc: PDFDocumentProxy;
      let sizes: PageSize[];
      try {
        doc = await task.promise;
        if (doc.numPages < 1) throw Object.assign(new Error('no pages'), { name: 'InvalidPDFException' });
        const first = (await doc.getPage(1)).getViewport({ scale: CSS_UNITS });
        sizes = Array.from({ length: doc.numPages }, () => ({ w: first.width, h: first.height }));
      } catch (err) {
        if (live) setState({ status: 'error', problem: classifyPdfError(err) });
        return;
      }
      if (!live) return;
      setState({ status: 'ready', doc, sizes });
      // Leave the worker to page 1 first: its drawing is what the reader is waiting for.
      await new Promise((r) => setTimeout(r, FIRST_PAGE_HEAD_START_MS));
      for (let start = 2; start <= doc.numPages && live; start += SIZE_BATCH) {
        const nums = Array.from({ length: Math.min(SIZE_BATCH, doc.numPages - start + 1) }, (_, i) => start + i);
        const batch = await Promise.all(
          nums.map((n) =>
            doc.getPage(n).then(
              (p) => p.getViewport({ scale: CSS_UNITS }),
              () => null, // a broken page keeps the stand-in size; drawing it will show its own error
            ),
          ),
        );
        if (!live) return;
        let changed = false;
        const next = sizes.slice();
        batch.forEach((vp, i) => {
          const at = nums[i]! - 1;
          if (vp && (Math.abs(vp.width - next[at]!.w) > 0.5 || Math.abs(vp.height - next[at]!.h) > 0.5)) {
            next[at] = { w: vp.width, h: vp.height };
            changed = true;
          }
        });
        if (changed) {
          sizes = next;
          setState({ status: 'ready', doc, sizes });
        }
      }
    })();
    return () => {
      live = false;
      // Destroying the task destroys the document and terminates its worker (StrictMode's first mount included).
      void task.destroy();
    };
  }, [url]);

  return state;
}
