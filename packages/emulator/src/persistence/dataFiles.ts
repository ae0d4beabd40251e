// The files of a data dir: `journal.jsonl`, an append-only log with one JSON line per
// committed batch (fsynced before the emulator answers), and `snapshot.json`, replaced
// atomically (temp file, fsync, rename, fsync of the directory). Other state keeps its
// own files beside them: `objects/` (Cloud Storage bytes, see storagePart.ts) and
// `bigquery/` (one DuckDB database per project, see bigQueryPart.ts).
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync, fstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Batch {
  seq: number;
  changes: { part: string; entry: unknown }[];
}

export interface Snapshot {
  version: 1;
  seed: string;
  /** The last batch the snapshot includes; the journal replays from seq + 1. */
  seq: number;
  parts: Record<string, unknown>;
  /** Journal entries of parts not registered when the snapshot was taken, kept verbatim. */
  pending: Record<string, unknown[]>;
}

export class DataFiles {
  private fd: number | undefined;
  readonly journalPath: string;
  readonly snapshotPath: string;
  /** Size of the snapshot last read or written. */
  snapshotBytes = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.journalPath = join(dir, 'journal.jsonl');
    this.snapshotPath = join(dir, 'snapshot.json');
  }

  readSnapshot(): Snapshot | undefined {
    if (!existsSync(this.snapshotPath)) return undefined;
    const text = readFileSync(this.snapshotPath, 'utf8');
    this.snapshotBytes = Buffer.byteLength(text);
    const snapshot = JSON.parse(text) as Snapshot;
    if (snapshot.version !== 1) throw new Error(`${this.snapshotPath}: unknown snapshot version ${String(snapshot.version)}.`);
    return snapshot;
  }

  /**
   * The journal's batches. A torn last line (a crash mid-write, never acknowledged) is
   * cut off so later appends start on a clean line; damage anywhere else is an error.
   */
  readJournal(): Batch[] {
    if (!existsSync(this.journalPath)) return [];
    const text = readFileSync(this.journalPath, 'utf8');
    const lines = text.split('\n');
    const torn = lines.pop() ?? '';
    if (torn) this.truncateJournal(Buffer.byteLength(text) - Buffer.byteLength(torn));
    return lines.filter((line) => line.trim()).map((line, i) => {
      try {
        return JSON.parse(line) as Batch;
      } catch (err) {
        throw new Error(`${this.journalPath}: line ${i + 1} is damaged (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
      }
    });
  }

  /** Appends one line and waits until it is on disk. */
  append(batch: Batch): void {
    const fd = this.journalFd();
    writeSync(fd, `${JSON.stringify(batch)}\n`);
    fsyncSync(fd);
  }

  journalBytes(): number {
    if (this.fd !== undefined) return fstatSync(this.fd).size;
    return existsSync(this.journalPath) ? statSync(this.journalPath).size : 0;
  }

  /** Atomic replace, then an empty journal (batches up to snapshot.seq are in it). */
  writeSnapshot(snapshot: Snapshot): void {
    const text = JSON.stringify(snapshot);
    writeFileDurably(this.snapshotPath, text);
    this.snapshotBytes = Buffer.byteLength(text);
    this.truncateJournal(0);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private journalFd(): number {
    return (this.fd ??= openSync(this.journalPath, 'a'));
  }

  private truncateJournal(length: number): void {
    const fd = this.journalFd();
    ftruncateSync(fd, length);
    fsyncSync(fd);
  }
}

/** Temp file, fsync, rename, fsync of the directory: after it returns, `path` holds `data` even after a crash. */
export function writeFileDurably(path: string, data: string | Buffer): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeFileSync(fd, data); // loops until every byte is written
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  syncDir(dirname(path));
}

/** Makes a rename durable. Directories cannot be opened for fsync on Windows: skip there. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
