import { forwardRef, lazy, Suspense } from 'react';
import type { EvidenceViewerHandle, EvidenceViewerProps } from './types';
import { ViewerLoading } from './shared/ViewerMessage';

// pdf.js and video.js are most of the renderer's weight: they load with the first PDF or video opened, not with the app.
const PdfViewer = lazy(() => import('./pdf/PdfViewer').then((m) => ({ default: m.PdfViewer })));
const VideoViewer = lazy(() => import('./video/VideoViewer').then((m) => ({ default: m.VideoViewer })));
const ImageViewer = lazy(() => import('./image/ImageViewer').then((m) => ({ default: m.ImageViewer })));
const TextViewer = lazy(() => import('./text/TextViewer').then((m) => ({ default: m.TextViewer })));

/**
 * The viewer for one piece of evidence, chosen by its kind. It fills its parent's height, so give it a sized box.
 * The handle is the chosen viewer's: PDFs cite a page (and selected text), videos a moment or range, images and text
 * nothing (currentTarget() is null). Until the viewer's code has loaded the handle is not set.
 */
export const EvidenceViewer = forwardRef<EvidenceViewerHandle, EvidenceViewerProps>(function EvidenceViewer({ item, urlFor, initialTarget }, ref) {
  const url = urlFor(item.sha256);
  const viewer = (() => {
    switch (item.kind) {
      case 'pdf':
        return <PdfViewer key={item.sha256} ref={ref} url={url} title={item.title} initialTarget={initialTarget} />;
      case 'video':
        return <VideoViewer key={item.sha256} ref={ref} item={item} urlFor={urlFor} initialTarget={initialTarget} />;
      case 'image':
        return <ImageViewer key={item.sha256} ref={ref} url={url} title={item.title} />;
      case 'text':
        return <TextViewer key={item.sha256} ref={ref} url={url} title={item.title} />;
    }
  })();
  return <Suspense fallback={<ViewerLoading label={`Loading ${item.kind} viewer`} />}>{viewer}</Suspense>;
});
