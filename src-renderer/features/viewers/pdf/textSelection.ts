/**
 * Steadier mouse selection on pdf.js text layers (after pdf.js's TextLayerBuilder). The text layer is absolutely
 * positioned spans with gaps between them; dragging over a gap makes Chromium jump the selection to whatever span
 * comes next in the DOM, often the rest of the page. Each layer gets an empty "end of content" element: while a
 * selection is being made it is moved next to the selection's moving end and stretched over the layer, so the
 * pointer over a gap lands on it and the selection stays where it was.
 */
const layers = new Map<HTMLElement, HTMLElement>();
let listening: AbortController | null = null;

function reset(end: HTMLElement, layer: HTMLElement, selectingClass: string): void {
  layer.append(end);
  end.style.width = '';
  end.style.height = '';
  layer.classList.remove(selectingClass);
}

function listen(textLayerClass: string, selectingClass: string): void {
  if (listening) return;
  listening = new AbortController();
  const { signal } = listening;
  const resetAll = () => layers.forEach((end, layer) => reset(end, layer, selectingClass));
  let pointerDown = false;
  let prevRange: Range | null = null;
  document.addEventListener('pointerdown', () => (pointerDown = true), { signal });
  document.addEventListener(
    'pointerup',
    () => {
      pointerDown = false;
      resetAll();
    },
    { signal },
  );
  window.addEventListener(
    'blur',
    () => {
      pointerDown = false;
      resetAll();
    },
    { signal },
  );
  document.addEventListener('keyup', () => !pointerDown && resetAll(), { signal });
  document.addEventListener(
    'selectionchange',
    () => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0) return resetAll();
      const range = sel.getRangeAt(0);
      for (const [layer, end] of layers) {
        if (range.intersectsNode(layer)) layer.classList.add(selectingClass);
        else reset(end, layer, selectingClass);
      }
      // Which end of the range is moving: the start if the end stayed put since the last change.
      const modifyStart =
        prevRange !== null &&
        (range.compareBoundaryPoints(Range.END_TO_END, prevRange) === 0 || range.compareBoundaryPoints(Range.START_TO_END, prevRange) === 0);
      let anchor: Node | null = modifyStart ? range.startContainer : range.endContainer;
      if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
      // A find highlight is a span inside the text span: step out to the text span.
      if (anchor instanceof HTMLElement && anchor.classList.contains('highlight')) anchor = anchor.parentNode;
      if (!modifyStart && range.endOffset === 0 && anchor) {
        // The range ends at the start of a node: the selection really ends in the previous non-empty one.
        do {
          while (anchor && !anchor.previousSibling) anchor = anchor.parentNode;
          anchor = anchor?.previousSibling ?? null;
        } while (anchor && !anchor.childNodes.length);
      }
      const parent = anchor?.parentElement ?? null;
      const layer = parent?.closest<HTMLElement>(`.${textLayerClass}`) ?? null;
      const end = layer ? layers.get(layer) : undefined;
      if (layer && end && parent && anchor) {
        end.style.width = layer.style.width;
        end.style.height = layer.style.height;
        end.style.userSelect = 'text';
        parent.insertBefore(end, modifyStart ? anchor : anchor.nextSibling);
      }
      prevRange = range.cloneRange();
    },
    { signal },
  );
}

/** Adds the end-of-content element to a rendered text layer; the returned function unregisters it. */
export function steadySelection(layer: HTMLElement, classes: { textLayer: string; endOfContent: string; selecting: string }): () => void {
  const end = document.createElement('div');
  end.className = classes.endOfContent;
  layer.append(end);
  layer.addEventListener('mousedown', () => layer.classList.add(classes.selecting));
  layers.set(layer, end);
  listen(classes.textLayer, classes.selecting);
  return () => {
    layers.delete(layer);
    if (layers.size === 0) {
      listening?.abort();
      listening = null;
    }
  };
}
