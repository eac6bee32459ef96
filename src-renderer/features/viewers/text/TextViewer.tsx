import { forwardRef, useEffect, useImperativeHandle, useState } from 'react';
import type { EvidenceViewerHandle } from '../types';
import { ViewerLoading, ViewerMessage } from '../shared/ViewerMessage';
import classes from './TextViewer.module.css';

interface Props {
  url: string;
  title: string;
}

/** Larger files are cut here: a reviewer reads, they do not scroll through megabytes of log output. */
const MAX_CHARS = 2_000_000;

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; text: string; cut: boolean };

/** Plain-text and Markdown evidence, shown as the candidate wrote it (Markdown is not rendered: no HTML from packages). */
export const TextViewer = forwardRef<EvidenceViewerHandle, Props>(function TextViewer({ url, title }, ref) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useImperativeHandle(ref, () => ({ currentTarget: () => null, goTo: () => undefined }), []);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    fetch(url, { signal: abort.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const text = await res.text();
        setState({ status: 'ready', text: text.slice(0, MAX_CHARS), cut: text.length > MAX_CHARS });
      })
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'error' });
      });
    return () => abort.abort();
  }, [url]);

  return (
    <div className={classes.root} data-testid="text-viewer">
      {state.status === 'loading' && <ViewerLoading label="Loading text" />}
      {state.status === 'error' && <ViewerMessage title="This text file could not be loaded" detail="The file is missing from the evidence store or the server is not reachable." />}
      {state.status === 'ready' && (
        <pre className={classes.text} tabIndex={0} aria-label={title}>
          {state.text}
          {state.cut && '\n\n[… the rest of this file is not shown]'}
        </pre>
      )}
    </div>
  );
});
