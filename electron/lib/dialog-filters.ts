/** File dialog filters per kind, shared by the open and save dialogs. */
import type { OpenKind, SaveKind } from '../../shared/ipc/contract';

/** Extensions the evidence importer accepts. */
export const EVIDENCE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif', 'pdf', 'txt'];

export function openFilters(kind: OpenKind): Array<{ name: string; extensions: string[] }> {
  return kind === 'evidence'
    ? [{ name: 'Evidence', extensions: EVIDENCE_EXTENSIONS }, { name: 'All files', extensions: ['*'] }]
    : [{ name: 'Dossier case archive', extensions: ['dossier', 'zip'] }];
}

export function saveFilters(kind: SaveKind): Array<{ name: string; extensions: string[] }> {
  switch (kind) {
    case 'pdf': return [{ name: 'PDF', extensions: ['pdf'] }];
    case 'archive': return [{ name: 'Dossier case archive', extensions: ['dossier'] }];
    case 'text': return [{ name: 'Text', extensions: ['txt'] }];
  }
}
