// Durable emulator state (--data-dir). Each piece of state is a PersistentPart; the
// Dispatcher commits the changes a request made (one journal line, fsynced) before it
// answers, so nothing acknowledged is lost on a crash. Start-up restores each part from
// the snapshot and replays the journal; the journal is folded into a new snapshot on
// clean shutdown, at start-up when a crash left it long, and whenever it outgrows both
// `compactBytes` and the snapshot. That bounds a restart's replay by the size of the
// state rather than by the number of writes since the last clean shutdown, and each
// compaction (which costs about one snapshot) comes after at least as many journal bytes.
//
// Plugging in more state: implement PersistentPart and call `state.durable?.register(part)`
// once the part's in-memory state is seeded, at start-up or later. `register` restores
// the part from disk at once when the data dir holds state for it, and returns
// `record(entry)`: call it after every mutation with a JSON value that `replay(entry)`
// can re-apply. Bulk data can live in its own files under `state.durable.dir`, made
// durable before the request that changed it is answered: Cloud Storage object bytes
// (storagePart.ts) and BigQuery table rows in DuckDB (bigQueryPart.ts) do, with their
// metadata in the journal.
import { DataFiles, type Batch, type Snapshot } from './dataFiles';

export interface PersistentPart {
  /** Unique name in the snapshot and the journal ("store", "bigquery", …). */
  readonly key: string;
  /** The whole state as a JSON value. */
  snapshot(): unknown;
  /** Replaces the in-memory state with a snapshot() value. */
  restore(snapshot: unknown): void;
  /** Re-applies one recorded entry, in recording order, after restore. */
  replay(entry: unknown): void;
  /** Optional: runs a mutating request's work, to notice in-place changes it makes. */
  track?<T>(work: () => T): T;
  /** Optional: records changes noticed lazily; called before every commit. */
  flush?(): void;
  /** Optional: everything recorded so far is on disk (after a commit or a compaction). */
  committed?(): void;
}

export type Recorder = (entry: unknown) => void;

/** The journal's least size before compaction: a few hundred small writes, replayed in milliseconds. */
export const MIN_COMPACT_BYTES = 256 * 1024;

export class DurableState {
  private readonly files: DataFiles;
  private readonly parts = new Map<string, PersistentPart>();
  /** State on disk for parts not registered yet. */
  private readonly stored = new Map<string, { snapshot?: unknown; entries: unknown[] }>();
  private readonly hadSnapshot: boolean;
  private buffer: Batch['changes'] = [];
  private seq = 0;
  private closed = false;
  /** The seed the data dir was created with; it wins over the --seed of later starts. */
  readonly seed: string;

  constructor(
    readonly dir: string,
    seed: string,
    private readonly compactBytes = MIN_COMPACT_BYTES,
  ) {
    this.files = new DataFiles(dir);
    const snapshot = this.files.readSnapshot();
    this.hadSnapshot = snapshot !== undefined;
    this.seed = snapshot?.seed ?? seed;
    this.seq = snapshot?.seq ?? 0;
    for (const [key, value] of Object.entries(snapshot?.parts ?? {})) this.stored.set(key, { snapshot: value, entries: [] });
    for (const [key, entries] of Object.entries(snapshot?.pending ?? {})) this.storedFor(key).entries.push(...entries);
    for (const batch of this.files.readJournal()) {
      if (batch.seq <= this.seq) continue; // already in the snapshot (crash between rename and truncate)
      this.seq = batch.seq;
      for (const change of batch.changes) this.storedFor(change.part).entries.push(change.entry);
    }
  }

  /** Restores `part` from disk (if the dir holds its state) and returns its recorder. */
  register(part: PersistentPart): Recorder {
    if (this.parts.has(part.key)) throw new Error(`Persistent part "${part.key}" registered twice.`);
    const saved = this.stored.get(part.key);
    if (saved?.snapshot !== undefined) part.restore(saved.snapshot);
    for (const entry of saved?.entries ?? []) part.replay(entry);
    this.stored.delete(part.key);
    this.parts.set(part.key, part);
    return (entry) => {
      if (!this.closed) this.buffer.push({ part: part.key, entry });
    };
  }

  /**
   * Writes the first snapshot of a fresh data dir, so seeded state is stable across
   * restarts, and folds in a journal a crash left long, so the next start is quick.
   */
  initialize(): void {
    if (!this.hadSnapshot || this.journalTooLong()) this.compact();
  }

  /** Runs a mutating request inside every part's change tracking. */
  track<T>(work: () => T): T {
    let run = work;
    for (const part of this.parts.values()) {
      if (part.track) {
        const inner = run;
        run = () => part.track!(inner);
      }
    }
    return run();
  }

  /** Runs one request (tracked when it may mutate) and commits before the caller answers. */
  async request<T>(mutating: boolean, work: () => Promise<T>): Promise<T> {
    const committed = async () => {
      try {
        return await work();
      } finally {
        this.commit();
      }
    };
    return mutating ? this.track(committed) : committed();
  }

  /** Makes everything recorded so far durable: one journal line, fsynced. */
  commit(): void {
    if (this.closed) return;
    for (const part of this.parts.values()) part.flush?.();
    if (!this.buffer.length) return;
    const batch: Batch = { seq: this.seq + 1, changes: this.buffer };
    this.buffer = [];
    this.files.append(batch);
    this.seq = batch.seq;
    if (this.journalTooLong()) this.compact();
    else this.committed();
  }

  /** A new snapshot of every part; the journal starts empty again. */
  compact(): void {
    for (const part of this.parts.values()) part.flush?.();
    if (this.buffer.length) this.seq++; // buffered changes are inside the snapshot too
    this.buffer = [];
    const snapshot: Snapshot = { version: 1, seed: this.seed, seq: this.seq, parts: {}, pending: {} };
    for (const [key, part] of this.parts) snapshot.parts[key] = part.snapshot();
    for (const [key, saved] of this.stored) {
      if (saved.snapshot !== undefined) snapshot.parts[key] = saved.snapshot;
      if (saved.entries.length) snapshot.pending[key] = saved.entries;
    }
    this.files.writeSnapshot(snapshot);
    this.committed();
  }

  /** Clean shutdown: compacts, then stops recording. */
  close(): void {
    if (this.closed) return;
    this.compact();
    this.closed = true;
    this.files.close();
  }

  private journalTooLong(): boolean {
    return this.files.journalBytes() > Math.max(this.compactBytes, this.files.snapshotBytes);
  }

  private committed(): void {
    for (const part of this.parts.values()) part.committed?.();
  }

  private storedFor(key: string): { snapshot?: unknown; entries: unknown[] } {
    let saved = this.stored.get(key);
    if (!saved) {
      saved = { entries: [] };
      this.stored.set(key, saved);
    }
    return saved;
  }
}
