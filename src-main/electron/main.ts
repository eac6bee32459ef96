/**
 * The desktop shell's main process (`npm start`). One instance per data directory; the renderer is served from
 * out/renderer over `ew-app://app/`, evidence over `ew-evidence://blob/<sha256>`, and the core over the two IPC channels
 * of the preload bridge. The core itself (database, imports, exports, bundles) runs in a utility process (core-host.ts),
 * so this thread only relays messages and the window stays responsive through a long import or report.
 * The rules themselves live in security.ts, ipc.ts and protocols.ts; this file only wires them in.
 *
 *   electron . [--data DIR] [--database-url URL] [--no-demo]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, utilityProcess, type WebContents } from 'electron';
import { APP_SCHEME, EVIDENCE_SCHEME } from '../../src-shared/contracts/bridge';
import { rendererDir } from '../core/paths';
import { APP_NAME } from '../core/version';
import { createCoreClient, type CoreClient } from './core-client';
import { utilityHost } from './host-process';
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
const databaseUrl = argValue(process.argv, '--database-url') ?? (process.env.EVIDENCE_WORKBENCH_DATABASE_URL || undefined);
const loadDemo = !process.argv.includes('--no-demo');
// userData decides the single-instance lock, so one instance per data directory; Chromium's own state goes in a subfolder.
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'session'));

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const coreHostPath = fileURLToPath(new URL('./core-host.js', import.meta.url));
let mainWindow: BrowserWindow | null = null;
let core: CoreClient | null = null;
let coreClosed = false;

/** The core cannot run: say why in a native box (the window may not exist yet) and quit. */
function fail(title: string, reason: string): void {
  console.error(`[main] ${title}: ${reason}`);
  dialog.showErrorBox(APP_NAME, `${title}\n${dataDir}\n\n${reason}`);
  app.exit(1);
}

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

  // better_sqlite3.node built for this Electron (scripts/start.mjs sets it; node_modules' own build is for Node); the
  // utility process runs Electron's Node, so it needs the same build. A packaged app would take it from its resources
  // folder (process.resourcesPath) instead of this variable.
  const nativeBinding = process.env.EVIDENCE_WORKBENCH_SQLITE_BINDING || undefined;
  const client = createCoreClient({
    spawn: () => utilityHost(utilityProcess.fork(coreHostPath, [], { serviceName: `${APP_NAME} core` })),
    host: { dataDir, nativeBinding, databaseUrl, loadDemo },
    onStopped: (reason) => fail('The core of the app stopped', reason),
  });
  core = client;
  try {
    await client.start();
  } catch (err) {
    fail('Could not open the data directory', err instanceof Error ? err.message : String(err));
    return;
  }

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir()));
  protocol.handle(
    EVIDENCE_SCHEME,
    createEvidenceProtocolHandler((sha256, range) => client.evidence(sha256, range)),
  );

  const saveDialog: SaveDialog = {
    async showSaveDialog(options, event) {
      const sender = (event as { sender?: WebContents }).sender;
      const parent = sender ? BrowserWindow.fromWebContents(sender) : null;
      return parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    },
  };
  registerIpc(ipcMain, client, saveDialog);

  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// The core finishes the calls it is running and closes the database before the app goes (app.exit skips this).
app.on('will-quit', (event) => {
  if (!core || coreClosed) return;
  event.preventDefault();
  void core.close().finally(() => {
    coreClosed = true;
    app.quit();
  });
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
