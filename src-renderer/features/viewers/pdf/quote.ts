/**
 * The text a reviewer has selected in the viewer, for a citation's quote. Clicking the rubric's Cite button can
 * collapse the browser selection before the click handler runs, so the last selection made inside the viewer is
 * remembered until another selection is made (inside the viewer or elsewhere) or the viewer is clicked.
 */
export const MAX_QUOTE = 2000;

export interface Quote {
  text: string;
  page: number;
}

export function cleanQuote(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE).trim();
}

function pageOf(node: Node | null): number | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const slot = el?.closest<HTMLElement>('[data-page-number]');
  return slot ? Number(slot.dataset.pageNumber) : null;
}

/** The selection if it lies inside `root`: its text and the page it starts on. */
export function quoteInside(root: HTMLElement): Quote | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const text = cleanQuote(sel.toString());
  const page = pageOf(range.startContainer) ?? pageOf(range.endContainer);
  return text && page ? { text, page } : null;
}

/** Follows `selectionchange` and keeps the last quote made inside `root`; returns a function that stops following. */
export function trackQuote(root: HTMLElement, onChange: (q: Quote | null) => void): () => void {
  const onSelection = () => {
    const sel = document.getSelection();
    if (!sel) return;
    if (!sel.isCollapsed) onChange(quoteInside(root));
    // A click inside the viewer clears the quote; a click elsewhere (the Cite button) keeps it.
    else if (sel.anchorNode && root.contains(sel.anchorNode)) onChange(null);
  };
  document.addEventListener('selectionchange', onSelection);
  return () => document.removeEventListener('selectionchange', onSelection);
}
