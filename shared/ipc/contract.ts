/**
 * The one IPC contract between the renderer and the Electron main process. Every call is a
 * `domain:verb` key of {@link IpcCalls}; the preload builds `window.dossier` from {@link IPC_CALLS},
 * and main validates every payload against `shared/ipc/schemas.ts` before its handler runs.
 * No other channel names exist anywhere.
 */

/** A file the user picked in the open dialog, read by main. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** Last-modified time in ms since the epoch. */
  lastModified: number;
}

/** Kinds of file the app opens; each maps to a dialog filter in main. */
export type OpenKind = 'evidence' | 'archive';
/** Kinds of file the app saves. */
export type SaveKind = 'pdf' | 'archive' | 'text';

/** Request and response types of every call. */
export interface IpcCalls {
  'app:info': { request: Record<string, never>; response: { version: string; platform: string } };
  'file:open': { request: { kind: OpenKind; multiple: boolean }; response: { files: PickedFile[]; skipped: Array<{ name: string; reason: 'too-large' | 'unreadable' }> } };
  'file:save': { request: { kind: SaveKind; suggestedName: string; bytes: Uint8Array }; response: { saved: false } | { saved: true; token: string; fileName: string } };
  'file:show': { request: { token: string; how: 'open' | 'reveal' }; response: { ok: boolean } };
}

/** Name of an IPC call. */
export type IpcCall = keyof IpcCalls;
export type IpcRequest<C extends IpcCall> = IpcCalls[C]['request'];
export type IpcResponse<C extends IpcCall> = IpcCalls[C]['response'];

/** Every call, in a runtime list the preload iterates to build the bridge. */
export const IPC_CALLS = ['app:info', 'file:open', 'file:save', 'file:show'] as const satisfies readonly IpcCall[];

/** Commands sent from the native menu to the renderer. */
export type MenuCommand = 'case:new' | 'evidence:import' | 'export:dossier' | 'case:list' | 'ui:language:zh-TW' | 'ui:language:zh-CN' | 'ui:language:en';
export const MENU_COMMANDS = ['case:new', 'evidence:import', 'export:dossier', 'case:list', 'ui:language:zh-TW', 'ui:language:zh-CN', 'ui:language:en'] as const satisfies readonly MenuCommand[];
/** The single main → renderer channel. */
export const MENU_CHANNEL = 'menu:command';

/** Largest file the open dialog reads into memory (bytes). */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;
/** Largest payload the save call accepts (bytes). */
export const MAX_SAVE_BYTES = 1024 * 1024 * 1024;

/** What the preload exposes as `window.dossier`. */
export type DossierBridge = {
  [C in IpcCall as CamelCall<C>]: (request: IpcRequest<C>) => Promise<IpcResponse<C>>;
} & {
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

/** `file:open` → `fileOpen`. */
export type CamelCall<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;

/** The bridge method name of a call. */
export function bridgeName<C extends IpcCall>(call: C): CamelCall<C> {
  const [a, b] = call.split(':') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as CamelCall<C>;
}
