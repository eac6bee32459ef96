/**
 * The desktop shell's main process (`npm start`). One instance per data directory; the renderer is served from
 * out/renderer over `ew-app://app/`, evidence over `ew-evidence://blob/<sha256>`, and the core over the two IPC channels
 * of the preload bridge. The rules themselves live in security.ts, ipc.ts and protocols.ts; this file only wires them in.
 *
 *   electron . [--data DIR] [--no-demo]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { APP_SCHEME, EVIDENCE_SCHEME } from '../../src-shared/contracts/bridge';
import { createCore } from '../core/api';
import { rendererDir } from '../core/paths';
import { loadDemoIfFresh, openServices, type Services } from '../core/services';
import { APP_NAME, APP_VERSION } from '../core/version';
import type { ServiceContext } from '../services/context';
import { registerIpc, type SaveDialog } from './ipc';
import { createAppProtocolHandler, createEvidenceProtocolHandler } from './protocols';
import { APP_INDEX_URL, WEB_PREFERENCES, isAllowedNavigation, isExternalLink, permissionAllowed } from './security';

/** `--data DIR` or `--data=DIR` anywhere on the command line (Electron puts its own path and the app path first). */
function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

// ---- Before 'ready': schemes, sandbox, paths, single-instance lock. ---------------------------------------------

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  // corsEnabled: the renderer (origin ew-app://app) fetches evidence byte ranges for pdf.js; the handler answers CORS.
  { scheme: EVIDENCE_SCHEME, privileges: { secure: true, stream: true, supportFetchAPI: true, corsEnabled: true } },
]);
app.enableSandbox();
app.setName(APP_NAME);

// The same folder `npm run serve` and the CLI use by default (paths.ts defaultDataDir): <appData>/Evidence Workbench.
const dataDir = path.resolve(argValue(process.argv, '--data') ?? process.env.EVIDENCE_WORKBENCH_DATA ?? path.join(app.getPath('appData'), APP_NAME));
const loadDemo = !process.argv.includes('--no-demo');
// userData decides the single-instance lock, so one instance per data directory; Chromium's own state goes in a subfolder.
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'session'));

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
let mainWindow: BrowserWindow | null = null;
let ctx: Services | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: preloadPath },
  });
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

/** Applied to every WebContents the app ever creates, not just the main window's. */
function harden(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    if (isExternalLink(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));

  try {
    // better_sqlite3.node built for this Electron (scripts/start.mjs sets it; node_modules' own build is for Node).
    // A packaged app would take it from its resources folder (process.resourcesPath) instead of this variable.
    const nativeBinding = process.env.EVIDENCE_WORKBENCH_SQLITE_BINDING || undefined;
    ctx = await openServices({ dataDir, nativeBinding });
    if (loadDemo && (await loadDemoIfFresh(ctx))) console.log('Loaded the bundled demo portfolios into a new data directory.');
  } catch (err) {
    console.error('[main] could not open the data directory:', err);
    dialog.showErrorBox(APP_NAME, `Could not open the data directory\n${dataDir}\n\n${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
    return;
  }
  const core = createCore(ctx, { name: APP_NAME, version: APP_VERSION, shell: 'electron' });

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir()));
  protocol.handle(EVIDENCE_SCHEME, createEvidenceProtocolHandler(ctx));

  const saveDialog: SaveDialog = {
    async showSaveDialog(options, event) {
      const sender = (event as { sender?: WebContents }).sender;
      const parent = sender ? BrowserWindow.fromWebContents(sender) : null;
      return parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    },
  };
  registerIpc(ipcMain, core, saveDialog);

  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  void ctx?.close();
  ctx = null;
});

if (!app.requestSingleInstanceLock()) {
  console.log(`${APP_NAME} is already running with data directory ${dataDir}; switching to it.`);
  app.quit();
} else {
  start().catch((err: unknown) => {
    console.error('[main] startup failed:', err);
    app.exit(1);
  });
}
