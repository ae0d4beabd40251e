// A query the emulator cannot run, worded like BigQuery's invalidQuery errors
// ("Function not found: FOO at [1:8]"). The BigQuery layer turns it into a 400.
export interface SqlPosition {
  line: number;
  column: number;
}

export class SqlError extends Error {
  constructor(
    readonly reason: string,
    readonly position?: SqlPosition,
    /** notFound for missing tables and datasets; invalidQuery otherwise. */
    readonly kind: 'invalidQuery' | 'notFound' = 'invalidQuery',
  ) {
    super(position ? `${reason} at [${position.line}:${position.column}]` : reason);
  }
}

/** For constructs the emulator does not translate: say so, naming the construct. */
export function unsupported(construct: string, position?: SqlPosition): SqlError {
  return new SqlError(`Not supported by the Vertex GenAI emulator: ${construct}`, position);
}
