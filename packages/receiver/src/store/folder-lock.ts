import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The data directory is in use by another process. */
export class FolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${pid} (a running receiver?). PGlite allows one process per directory; a second one can corrupt it. Stop that process first, or use its admin API (GET /v1/export) while it runs.`,
    );
    this.name = 'FolderLockedError';
  }
}

const LOCK_FILE = 'receiver.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process: a lock file created exclusively (O_EXCL) with our pid.
 * A lock left by a process that is gone (killed, crashed) is taken over. Returns the release.
 */
export function lockFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder))
      throw new FolderLockedError(dataDir, holder);
    if (holder === process.pid) throw new FolderLockedError(dataDir, holder);
    // Stale: its process is gone. Remove it and try again (another process may win the race).
    rmSync(path, { force: true });
  }
  throw new Error(`could not lock the data directory ${dataDir}; remove ${path} if no receiver runs`);
}
