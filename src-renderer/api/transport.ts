import { createApiClient, toApiError, type ApiClient, type Transport } from '../../src-shared/contracts/client';
import type { DesktopBridge } from '../../src-shared/contracts/bridge';
import { ApiError } from '../../src-shared/contracts/errors';

declare global {
  interface Window {
    evidenceWorkbench?: DesktopBridge;
  }
}

/** Electron: the preload's bridge carries calls over IPC and evidence over the ew-evidence:// protocol. */
function ipcTransport(bridge: DesktopBridge): Transport {
  return {
    async call(method, input, actor) {
      const reply = await bridge.call(method, input, actor);
      if (reply.ok) return reply.result;
      throw toApiError(reply.error);
    },
    evidenceUrl: (sha256) => `${bridge.evidenceBaseUrl}${sha256}`,
  };
}

/** Browser shell: same-origin HTTP; the access token travels in the HttpOnly cookie set from the printed URL. */
function httpTransport(): Transport {
  return {
    async call(method, input, actor) {
      let res: Response;
      try {
        res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(actor ? { 'X-EW-Actor': actor } : {}) },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiError('internal', 'The workbench server is not reachable. Is `npm run serve` still running?');
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        if (res.status === 401) throw new ApiError('unauthorized', 'This page has no valid access token: open the URL that `npm run serve` printed.');
        throw toApiError(body);
      }
      return body;
    },
    evidenceUrl: (sha256) => `/evidence/${sha256}`,
  };
}

export const api: ApiClient = createApiClient(window.evidenceWorkbench ? ipcTransport(window.evidenceWorkbench) : httpTransport());
export const isDesktop = Boolean(window.evidenceWorkbench);
