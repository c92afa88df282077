import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/**
 * Reads a file's bytes after checking its size against `maxBytes` (so a huge file is never read).
 * A missing or unreadable file is a UserError naming the path and the system's code (ENOENT, EACCES...).
 * @example await readFileLimited('../shared/data/stroke.csv', 5 * 1024 * 1024)
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError('data.file.unreadable', { path, code: 'EISDIR' });
    if (info.size > maxBytes) throw new UserError('data.csv.tooLarge', { size: info.size, limit: maxBytes });
    return await readFile(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError('data.file.unreadable', { path, code });
  }
}
