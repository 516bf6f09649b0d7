/**
 * The allow-list of paths the user chose: in an open or save dialog, from Open recent, by dropping a file,
 * or through the OS (file association, command line). Main writes only to paths on this list, so a
 * compromised renderer cannot name a file to overwrite.
 */
import path from 'node:path';

/** Thrown when main is asked to touch a path the user never chose. */
export class PathNotChosenError extends Error {
  /** Stable code for tests and logs. */
  readonly code = 'file/not-chosen';
  override readonly name = 'PathNotChosenError';
}

/** A set of user-chosen absolute paths; comparison ignores case where the OS does. */
export class ChosenPaths {
  readonly #paths = new Set<string>();
  readonly #platform: string;

  constructor(platform: string = process.platform) {
    this.#platform = platform;
  }

  #key(filePath: string): string {
    const flavour = this.#platform === 'win32' ? path.win32 : path.posix;
    if (!flavour.isAbsolute(filePath)) {
      throw new PathNotChosenError(`"${filePath}" is not an absolute path; only files chosen in a dialog can be used.`);
    }
    const normalized = flavour.resolve(filePath);
    // Windows and macOS file systems are case-insensitive by default.
    return this.#platform === 'win32' || this.#platform === 'darwin' ? normalized.toLowerCase() : normalized;
  }

  /** Records a path the user chose; returns it normalized. */
  allow(filePath: string): string {
    this.#paths.add(this.#key(filePath));
    return (this.#platform === 'win32' ? path.win32 : path.posix).resolve(filePath);
  }

  /** True when the user chose this path. */
  has(filePath: string): boolean {
    try {
      return this.#paths.has(this.#key(filePath));
    } catch (error) {
      if (error instanceof PathNotChosenError) return false;
      throw error;
    }
  }

  /** Throws unless the user chose this path. */
  assertChosen(filePath: string, action: string): void {
    if (!this.has(filePath)) {
      throw new PathNotChosenError(
        `${action}: refused to use "${filePath}" because it was not chosen in a dialog. Use Save as… to pick the file.`,
      );
    }
  }
}
