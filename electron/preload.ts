/**
 * Builds `window.dossier` from the IPC contract: one method per call, plus the menu subscription.
 * Runs sandboxed with context isolation; exposes functions only, never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeName, IPC_CALLS, MENU_CHANNEL, MENU_COMMANDS, type DossierBridge, type MenuCommand } from '../shared/ipc/contract';

const calls = Object.fromEntries(
  IPC_CALLS.map((call) => [bridgeName(call), (request: unknown) => ipcRenderer.invoke(call, request)]),
);

const bridge = {
  ...calls,
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const wrapped = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => { ipcRenderer.removeListener(MENU_CHANNEL, wrapped); };
  },
} as DossierBridge;

contextBridge.exposeInMainWorld('dossier', bridge);
