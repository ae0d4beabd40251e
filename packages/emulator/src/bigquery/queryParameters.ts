// Query parameters (QueryParameter: parameterType + parameterValue) as DuckDB literals,
// inlined by the translator where @name or ? stands.
import type { FieldSchema } from '../sql/sqlTypes';
import { bqInvalid } from './bigQueryError';
import { fieldLiteral, LiteralProblem } from './bigQueryLiterals';

interface ParameterType {
  type?: string;
  arrayType?: ParameterType;
  structTypes?: { name?: string; type?: ParameterType }[];
}

interface ParameterValue {
  value?: string | null;
  arrayValues?: ParameterValue[];
  structValues?: Record<string, ParameterValue>;
}

export interface QueryParameter {
  name?: string;
  parameterType?: ParameterType;
  parameterValue?: ParameterValue;
}

export interface BoundParameters {
  named: Map<string, string>;
  positional: string[];
}

export function bindParameters(parameters: QueryParameter[] = [], mode?: string): BoundParameters {
  const bound: BoundParameters = { named: new Map(), positional: [] };
  parameters.forEach((p, i) => {
    const label = p.name ?? `#${i + 1}`;
    if (!p.parameterType?.type) throw bqInvalid(`Query parameter ${label} has no type`);
    const field = fieldFor(label, p.parameterType);
    let literal: string;
    try {
      literal = fieldLiteral(field, plain(p.parameterValue, p.parameterType), label);
    } catch (err) {
      if (err instanceof LiteralProblem) throw bqInvalid(`Invalid value for query parameter ${label}: ${err.message}`);
      throw err;
    }
    if (p.name) bound.named.set(p.name.toLowerCase(), literal);
    else bound.positional.push(literal);
  });
  if (mode === 'POSITIONAL' && bound.named.size) throw bqInvalid('Positional parameters must not have names');
  if (mode === 'NAMED' && bound.positional.length) throw bqInvalid('Named parameters must have names');
  return bound;
}

function fieldFor(name: string, type: ParameterType): FieldSchema {
  const kind = (type.type ?? '').toUpperCase();
  if (kind === 'ARRAY') {
    if (!type.arrayType) throw bqInvalid(`Array query parameter ${name} has no arrayType`);
    return { ...fieldFor(name, type.arrayType), mode: 'REPEATED' };
  }
  if (kind === 'STRUCT') {
    const fields = (type.structTypes ?? []).map((f, i) => fieldFor(f.name ?? `_field_${i + 1}`, f.type ?? {}));
    return { name, type: 'RECORD', mode: 'NULLABLE', fields };
  }
  return { name, type: kind, mode: 'NULLABLE' };
}

/** The parameter value as the JSON a row would carry. */
function plain(value: ParameterValue | undefined, type: ParameterType): unknown {
  if (!value) return null;
  const kind = (type.type ?? '').toUpperCase();
  if (kind === 'ARRAY') return (value.arrayValues ?? []).map((v) => plain(v, type.arrayType ?? {}));
  if (kind === 'STRUCT') {
    if (!value.structValues) return null;
    return Object.fromEntries((type.structTypes ?? []).map((f) => [f.name ?? '', plain(value.structValues?.[f.name ?? ''], f.type ?? {})]));
  }
  return value.value ?? null;
}
