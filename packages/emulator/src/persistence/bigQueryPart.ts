// BigQuery under --data-dir. Table rows live in DuckDB, one database file per project
// (bigquery/<project>.duckdb); DuckDB fsyncs its write-ahead log at every commit, and a
// request commits before it is answered. Dataset, table and job metadata (not job rows)
// go through the journal, written after DuckDB commits: after a crash between the two,
// the metadata is checked against DuckDB when it opens (bigQueryCheck.ts).
//
// The demo seed is written on first use, as without a data dir, and recorded once DuckDB
// holds it; a data dir without BigQuery metadata starts from an empty bigquery/, so a
// seed interrupted by a crash is written again, and a seeded one never twice.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EmulatorState } from '../context';
import { BigQueryState, type DatasetMeta, type JobRecord, type TableMeta } from '../bigquery/bigQueryState';
import { duckString, quoteIdent } from '../sql/sqlTypes';
import { checkAgainstDuckDb, restoredMetadata, type RestoredMetadata } from './bigQueryCheck';
import type { DurableState, PersistentPart, Recorder } from './durableState';

interface BigQuerySnapshot {
  datasets: [string, DatasetMeta][];
  tables: [string, TableMeta][];
  jobs: [string, JobRecord][];
}

type Kind = 'datasets' | 'tables' | 'jobs';
type BigQueryEntry = { all: BigQuerySnapshot } | { kind: Kind; key: string; value?: DatasetMeta | TableMeta | JobRecord };

const KINDS: Kind[] = ['datasets', 'tables', 'jobs'];
const FILE = '.duckdb';

/** Makes the emulator's BigQuery durable in `durable`; call after seeding. */
export function persistBigQuery(state: EmulatorState, durable: DurableState): void {
  const bq = (state.bigquery ??= new BigQueryState(state.now));
  const part = new BigQueryPart(bq, durable);
  part.record = durable.register(part);
  part.start();
}

/** What a table's in-place changes (rows added) touch. */
const fingerprint = (t: TableMeta) => `${t.numRows}/${t.numBytes}/${t.lastModifiedTime}`;
/** Job rows stay in memory (restored jobs read their destination table). */
const withoutRows = (job: JobRecord): JobRecord => ({ ...job, result: undefined });

class BigQueryPart implements PersistentPart {
  readonly key = 'bigquery';
  record: Recorder = () => undefined;
  private readonly dir: string;
  private hasState = false;
  /** The seed is in memory but not yet in DuckDB: nothing is recorded until it is. */
  private seeding = false;
  private readonly dirty: Record<Kind, Set<string>> = { datasets: new Set(), tables: new Set(), jobs: new Set() };
  private readonly fingerprints = new Map<string, string>();
  /** Checked against DuckDB when it opens; none on a new data dir. */
  private restored?: RestoredMetadata;

  constructor(
    private readonly bq: BigQueryState,
    private readonly durable: DurableState,
  ) {
    this.dir = join(durable.dir, 'bigquery');
  }

  snapshot(): BigQuerySnapshot | undefined {
    if (this.seeding) return undefined;
    return { datasets: [...this.bq.datasets], tables: [...this.bq.tables], jobs: [...this.bq.jobs].map(([key, job]) => [key, withoutRows(job)]) };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as BigQuerySnapshot;
    this.hasState = true;
    for (const kind of KINDS) {
      this.bq[kind].clear();
      for (const [key, value] of s[kind]) (this.bq[kind] as Map<string, unknown>).set(key, value);
    }
  }

  replay(entry: unknown): void {
    const e = entry as BigQueryEntry;
    if ('all' in e) return this.restore(e.all);
    this.hasState = true;
    const map = this.bq[e.kind] as Map<string, unknown>;
    if (e.value) map.set(e.key, e.value);
    else map.delete(e.key);
  }

  /** After register(): files, seed handling, and change tracking. */
  start(): void {
    if (this.hasState) {
      this.bq.seeders.length = 0;
      this.restored = restoredMetadata(this.bq);
    } else {
      rmSync(this.dir, { recursive: true, force: true });
      this.seeding = this.bq.seeders.length > 0;
      if (this.seeding) this.bq.seeders.push(() => this.bq.defer(async () => this.seeded()));
      else this.record({ all: this.snapshot() });
    }
    mkdirSync(this.dir, { recursive: true });
    for (const [key, table] of this.bq.tables) this.fingerprints.set(key, fingerprint(table));
    for (const kind of KINDS) watch(this.bq[kind] as Map<string, unknown>, (key) => this.dirty[kind].add(key));
    this.bq.files = { dir: join(this.dir, sep), catalogPath: (projectId) => this.catalogPath(projectId), opened: (db) => this.opened(db) };
  }

  flush(): void {
    if (this.seeding) return;
    for (const [key, table] of this.bq.tables) if (this.fingerprints.get(key) !== fingerprint(table)) this.dirty.tables.add(key);
    for (const kind of KINDS) {
      for (const key of this.dirty[kind]) {
        const value = this.bq[kind].get(key);
        this.record({ kind, key, value: value && kind === 'jobs' ? withoutRows(value as JobRecord) : value });
        if (kind === 'tables') {
          if (value) this.fingerprints.set(key, fingerprint(value as TableMeta));
          else this.fingerprints.delete(key);
        }
      }
      this.dirty[kind].clear();
    }
  }

  /** Runs in DuckDB's queue right after the seed's writes: they are committed, so the seed can be recorded. */
  private seeded(): void {
    this.seeding = false;
    for (const kind of KINDS) this.dirty[kind].clear();
    for (const [key, table] of this.bq.tables) this.fingerprints.set(key, fingerprint(table));
    this.record({ all: this.snapshot() });
    this.durable.commit();
  }

  private catalogPath(projectId: string): string {
    return join(this.dir, `${encodeURIComponent(projectId)}${FILE}`);
  }

  /** Attaches the catalog of every project with datasets; files of other projects hold nothing acknowledged. */
  private async opened(db: DuckDBConnection): Promise<void> {
    const datasets = [...this.bq.datasets.values(), ...(this.restored?.datasets.values() ?? [])];
    const projects = new Set(datasets.map((d) => d.projectId));
    for (const file of readdirSync(this.dir)) {
      const project = decodeURIComponent(file.replace(/\.duckdb(\.wal)?$/, ''));
      if (!projects.has(project)) rmSync(join(this.dir, file), { recursive: true, force: true });
    }
    for (const project of projects) await db.run(`ATTACH IF NOT EXISTS ${duckString(this.catalogPath(project))} AS ${quoteIdent(project)}`);
    if (this.restored) await checkAgainstDuckDb(db, this.bq, this.restored, projects);
    this.restored = undefined;
  }
}

/** Notes every key put or deleted, without touching the code that changes the map. */
function watch<V>(map: Map<string, V>, changed: (key: string) => void): void {
  map.set = (key, value) => {
    changed(key);
    return Map.prototype.set.call(map, key, value) as Map<string, V>;
  };
  map.delete = (key) => {
    changed(key);
    return Map.prototype.delete.call(map, key);
  };
}
