// Plain JSON ⇄ google.protobuf.Value, the shape the REST client takes and gives for
// predict instances and predictions. No vscode.
type Value = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function toProtoValue(v: unknown): Value {
  if (v === null || v === undefined) return { nullValue: 0 };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(toProtoValue) } };
  return { structValue: { fields: Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, toProtoValue(x)])) } };
}

export function fromProtoValue(v: unknown): unknown {
  const value = (v ?? {}) as Value;
  if (value.structValue) return Object.fromEntries(Object.entries(value.structValue.fields ?? {}).map(([k, x]) => [k, fromProtoValue(x)]));
  if (value.listValue) return ((value.listValue.values ?? []) as unknown[]).map(fromProtoValue);
  if (value.stringValue !== undefined && value.stringValue !== null) return value.stringValue;
  if (value.numberValue !== undefined && value.numberValue !== null) return value.numberValue;
  if (value.boolValue !== undefined && value.boolValue !== null) return value.boolValue;
  return null;
}
