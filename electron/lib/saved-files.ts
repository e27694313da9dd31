/**
 * Paths of files the user saved through the save dialog, handed to the renderer only as opaque
 * tokens: the renderer can ask to open or reveal what it saved, never an arbitrary path.
 */
export interface SavedFiles {
  /** Remembers a path and returns its token. */
  add: (path: string) => string;
  /** The path of a token, if this session issued it. */
  get: (token: string) => string | undefined;
}

/** A registry using `randomHex32` for tokens (inject crypto in main, a counter in tests). */
export function createSavedFiles(randomHex32: () => string): SavedFiles {
  const byToken = new Map<string, string>();
  return {
    add(path) {
      const token = randomHex32();
      byToken.set(token, path);
      return token;
    },
    get: (token) => byToken.get(token),
  };
}
