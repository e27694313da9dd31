/**
 * What the renderer needs from the machine: picking files, saving a result, opening what it saved
 * and the native menu. In Electron it is `window.dossier` (the preload bridge); in a plain browser
 * a file input and a download stand in.
 */
import type { DossierBridge, MenuCommand, OpenKind, SaveKind } from '../../../shared/ipc/contract';

/** A file picked or dropped by the user. */
export interface HostFile {
  name: string;
  bytes: Uint8Array;
  lastModified: number;
}

/** Outcome of a save. */
export type SaveOutcome = { saved: false } | { saved: true; fileName: string; token?: string };

export interface Host {
  kind: 'electron' | 'browser';
  /** Asks the user for files; resolves with none when they cancel. */
  openFiles: (kind: OpenKind, multiple: boolean) => Promise<HostFile[]>;
  /** Saves bytes where the user chooses (Electron) or as a download (browser). */
  saveFile: (kind: SaveKind, suggestedName: string, bytes: Uint8Array) => Promise<SaveOutcome>;
  /** Opens or reveals a file saved in this session, when the host can. */
  showSaved?: (token: string, how: 'open' | 'reveal') => Promise<boolean>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
}

declare global {
  interface Window {
    dossier?: DossierBridge;
  }
}

const ACCEPT: Record<OpenKind, string> = {
  evidence: '.png,.jpg,.jpeg,.webp,.bmp,.gif,.pdf,.txt,image/*,application/pdf,text/plain',
  archive: '.dossier,.zip',
};

const MIME: Record<SaveKind, string> = { pdf: 'application/pdf', archive: 'application/zip', text: 'text/plain;charset=utf-8' };

/** Reads browser `File`s into host files. */
export async function readFiles(files: Iterable<File>): Promise<HostFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified })));
}

function browserHost(): Host {
  return {
    kind: 'browser',
    openFiles: (kind, multiple) =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = ACCEPT[kind];
        input.multiple = multiple;
        input.style.display = 'none';
        input.addEventListener('change', () => {
          void readFiles(input.files ?? []).then(resolve);
          input.remove();
        });
        input.addEventListener('cancel', () => { resolve([]); input.remove(); });
        document.body.append(input);
        input.click();
      }),
    saveFile: async (kind, suggestedName, bytes) => {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME[kind] }));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, fileName: suggestedName };
    },
    onMenuCommand: () => () => undefined,
  };
}

function electronHost(bridge: DossierBridge): Host {
  return {
    kind: 'electron',
    openFiles: async (kind, multiple) => (await bridge.fileOpen({ kind, multiple })).files,
    saveFile: async (kind, suggestedName, bytes) => {
      const result = await bridge.fileSave({ kind, suggestedName, bytes });
      return result.saved ? { saved: true, fileName: result.fileName, token: result.token } : { saved: false };
    },
    showSaved: async (token, how) => (await bridge.fileShow({ token, how })).ok,
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}

/** The host of this page: the preload bridge when present, else the browser. */
export function detectHost(): Host {
  return window.dossier ? electronHost(window.dossier) : browserHost();
}
