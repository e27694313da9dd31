/**
 * Electron main process: one window, the `app://` scheme serving the renderer, a session that
 * refuses every other request, typed and validated IPC, dialogs and menus. All decisions live in
 * the pure modules of `electron/lib/`; this file only wires them to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile, rename, unlink } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME } from './lib/app-origin';
import { resolveAppPath } from './lib/app-protocol';
import { CONTENT_SECURITY_POLICY } from './lib/csp';
import { isAllowedRequest, isNavigationAllowed } from './lib/request-filter';
import { createSavedFiles } from './lib/saved-files';
import { openFilters, saveFilters } from './lib/dialog-filters';
import { secureWebPreferences } from './lib/window-options';
import { validateIpc } from '../shared/ipc/schemas';
import { IPC_CALLS, MAX_OPEN_BYTES, MENU_CHANNEL, type IpcCall, type IpcRequest, type IpcResponse, type MenuCommand, type PickedFile } from '../shared/ipc/contract';

const rendererRoot = resolve(__dirname, '../renderer');
const savedFiles = createSavedFiles(() => randomBytes(16).toString('hex'));
let mainWindow: BrowserWindow | undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

async function serveApp(request: Request): Promise<Response> {
  const result = resolveAppPath(request.url);
  if (!result.ok) return new Response(result.reason, { status: result.status });
  const file = resolve(rendererRoot, result.relativePath);
  if (!file.startsWith(rendererRoot + sep)) return new Response('outside root', { status: 403 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': result.mimeType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

type Handler<C extends IpcCall> = (request: IpcRequest<C>) => Promise<IpcResponse<C>>;

const handlers: { [C in IpcCall]: Handler<C> } = {
  'app:info': async () => ({ version: app.getVersion(), platform: process.platform }),
  'file:open': async ({ kind, multiple }) => {
    const options = { properties: multiple ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const], filters: openFilters(kind) };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    const files: PickedFile[] = [];
    const skipped: Array<{ name: string; reason: 'too-large' | 'unreadable' }> = [];
    for (const path of result.canceled ? [] : result.filePaths) {
      try {
        const info = await stat(path);
        if (info.size > MAX_OPEN_BYTES) { skipped.push({ name: basename(path), reason: 'too-large' }); continue; }
        files.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)), lastModified: info.mtimeMs });
      } catch {
        skipped.push({ name: basename(path), reason: 'unreadable' });
      }
    }
    return { files, skipped };
  },
  'file:save': async ({ kind, suggestedName, bytes }) => {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: saveFilters(kind) };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    // Write beside the target and rename, so a failed write never leaves a half file.
    const temp = `${result.filePath}.${randomBytes(4).toString('hex')}.part`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, result.filePath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return { saved: true, token: savedFiles.add(result.filePath), fileName: basename(result.filePath) };
  },
  'file:show': async ({ token, how }) => {
    const path = savedFiles.get(token);
    if (!path) return { ok: false };
    if (how === 'reveal') { shell.showItemInFolder(path); return { ok: true }; }
    return { ok: (await shell.openPath(path)) === '' };
  },
};

function isFromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && event.sender === mainWindow?.webContents;
}

function registerIpc(): void {
  for (const call of IPC_CALLS) {
    ipcMain.handle(call, async (event, payload: unknown) => {
      if (!isFromApp(event)) throw new Error('refused: not the app');
      const checked = validateIpc(call, payload);
      if (!checked.ok) throw new Error(`refused: ${checked.error}`);
      return (handlers[call] as Handler<IpcCall>)(checked.request);
    });
  }
}

function sendMenu(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_CHANNEL, command);
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Case', accelerator: 'CmdOrCtrl+N', click: () => sendMenu('case:new') },
        { label: 'All Cases', accelerator: 'CmdOrCtrl+Shift+L', click: () => sendMenu('case:list') },
        { type: 'separator' },
        { label: 'Import Evidence…', accelerator: 'CmdOrCtrl+O', click: () => sendMenu('evidence:import') },
        { label: 'Export Dossier…', accelerator: 'CmdOrCtrl+E', click: () => sendMenu('export:dossier') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: '繁體中文', click: () => sendMenu('ui:language:zh-TW') },
        { label: '简体中文', click: () => sendMenu('ui:language:zh-CN') },
        { label: 'English', click: () => sendMenu('ui:language:en') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => { if (!isNavigationAllowed(url)) event.preventDefault(); });
  contents.on('will-redirect', (event, url) => { if (!isNavigationAllowed(url)) event.preventDefault(); });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    title: 'Dossier',
    show: false,
    backgroundColor: '#f6f5f2',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => { mainWindow = undefined; });
  void mainWindow.loadURL(APP_ENTRY);
}

app.enableSandbox();
app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, serveApp);
  hardenSession();
  registerIpc();
  buildMenu();
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
});

app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
