// Rows → Gemini supervised-tuning JSONL, written page by page. The file is written under
// a ".partial" name and renamed when complete, so a cancelled or failed export leaves no
// file (and an existing file of that name untouched).
import * as l10n from '@vscode/l10n';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { BigQueryRow } from '../../vertex/bigquery';
import type { RowPage } from '../../vertex/bigqueryRows';
import { cancelledError } from '../../vertex/retry';
import type { ColumnMapping } from './columnMapping';

/** One line of the file: https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning-prepare */
export interface TuningExample {
  systemInstruction?: { parts: { text: string }[] };
  contents: { role: 'user' | 'model'; parts: { text: string }[] }[];
}

export interface ExportResult {
  readonly written: number;
  /** Rows without a prompt or an answer (NULL, empty or only spaces). */
  readonly skipped: number;
}

export interface ExportProgress {
  readonly rowsRead: number;
  readonly totalRows?: number;
}

/** The example a row makes, or undefined when its prompt or answer is missing. */
export function tuningExample(row: BigQueryRow, mapping: ColumnMapping): TuningExample | undefined {
  const prompt = text(row[mapping.prompt]);
  const answer = text(row[mapping.answer]);
  if (!prompt || !answer) return undefined;
  const system = mapping.system ? text(row[mapping.system]) : undefined;
  return {
    ...(system ? { systemInstruction: { parts: [{ text: system }] } } : {}),
    contents: [
      { role: 'user', parts: [{ text: prompt }] },
      { role: 'model', parts: [{ text: answer }] },
    ],
  };
}

export async function writeTuningJsonl(
  pages: AsyncIterable<RowPage>,
  mapping: ColumnMapping,
  file: string,
  options: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<ExportResult> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  let written = 0;
  let skipped = 0;
  let rowsRead = 0;
  try {
    await once(out, 'open');
    for await (const page of pages) {
      if (options.signal?.aborted) throw cancelledError(l10n.t('The export'));
      let chunk = '';
      for (const row of page.rows) {
        const example = tuningExample(row, mapping);
        if (example) {
          chunk += `${JSON.stringify(example)}\n`;
          written++;
        } else skipped++;
      }
      rowsRead += page.rows.length;
      if (!out.write(chunk)) await once(out, 'drain');
      options.onProgress?.({ rowsRead, totalRows: page.totalRows });
    }
    if (options.signal?.aborted) throw cancelledError(l10n.t('The export'));
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
    return { written, skipped };
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return value === null || value === undefined ? undefined : String(value);
  return value.trim() ? value : undefined;
}
