// Explain on a deployed model, mapped into what the Explainability panel shows: one
// attribution per feature (tabular) or per word of a text feature (an array-valued
// attribution, as Vertex reports array inputs), with the output explained, its baseline
// and the approximation error. No vscode.
import type { ClientPool } from './clients';
import { resourceRegion, toNumber } from './protoValues';
import { cancelOnAbort } from './retry';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FeatureAttribution {
  readonly feature: string;
  readonly attribution: number;
  /** The instance's value of the feature, when the instance is an object. */
  readonly value?: Json;
}

export interface TokenAttribution {
  readonly token: string;
  readonly attribution: number;
}

export interface ExplainResult {
  readonly deployedModelId?: string;
  readonly outputName?: string;
  readonly outputDisplayName?: string;
  readonly instanceOutput: number;
  readonly baselineOutput: number;
  readonly approximationError: number;
  /** Scalar attributions, largest magnitude first. */
  readonly features: readonly FeatureAttribution[];
  /** Array attributions of a text feature, aligned with its whitespace-separated words. */
  readonly tokens?: { readonly feature: string; readonly items: readonly TokenAttribution[] };
  readonly prediction?: Json;
}

export async function explainInstance(pool: ClientPool, endpoint: string, instance: Json, options: { deployedModelId?: string; signal?: AbortSignal } = {}): Promise<ExplainResult> {
  const client = await pool.get('PredictionServiceClient', resourceRegion(endpoint));
  const request = { endpoint, instances: [toValue(instance)], deployedModelId: options.deployedModelId ?? '' };
  const call = client.explain(request) as unknown as Promise<[Raw]>;
  const [response] = options.signal ? await cancelOnAbort(call, options.signal) : await call;
  const attribution = (response.explanations?.[0]?.attributions?.[0] ?? {}) as Raw;
  const attributions = (fromValue(attribution.featureAttributions) ?? {}) as Record<string, Json>;
  const values = instance && typeof instance === 'object' && !Array.isArray(instance) ? instance : {};
  const features: FeatureAttribution[] = [];
  let tokens: ExplainResult['tokens'];
  for (const [feature, a] of Object.entries(attributions)) {
    if (typeof a === 'number') features.push({ feature, attribution: a, ...(feature in values ? { value: values[feature] } : {}) });
    else if (Array.isArray(a) && !tokens) {
      const words = typeof values[feature] === 'string' ? String(values[feature]).trim().split(/\s+/) : [];
      tokens = { feature, items: a.map((x, i) => ({ token: words[i] ?? `#${i + 1}`, attribution: Number(x) })) };
    }
  }
  features.sort((x, y) => Math.abs(y.attribution) - Math.abs(x.attribution));
  return {
    deployedModelId: response.deployedModelId || undefined,
    outputName: attribution.outputName || undefined,
    outputDisplayName: attribution.outputDisplayName || undefined,
    instanceOutput: toNumber(attribution.instanceOutputValue) ?? 0,
    baselineOutput: toNumber(attribution.baselineOutputValue) ?? 0,
    approximationError: toNumber(attribution.approximationError) ?? 0,
    features,
    ...(tokens ? { tokens } : {}),
    prediction: fromValue(response.predictions?.[0]),
  };
}

/** Plain JSON → google.protobuf.Value, the shape the client takes for instances. */
export function toValue(v: Json): Raw {
  if (v === null) return { nullValue: 'NULL_VALUE' };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(toValue) } };
  return { structValue: { fields: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toValue(x)])) } };
}

/** google.protobuf.Value as the client decodes it → plain JSON. */
export function fromValue(v: Raw | null | undefined): Json | undefined {
  if (!v) return undefined;
  // Decoded messages may carry defaults for unset oneof members: trust `kind` when present.
  const kind = (v.kind as string | undefined) ?? ['structValue', 'listValue', 'stringValue', 'numberValue', 'boolValue'].find((k) => Object.hasOwn(v, k));
  switch (kind) {
    case 'structValue':
      return Object.fromEntries(Object.entries((v.structValue.fields ?? {}) as Record<string, Raw>).map(([k, x]) => [k, fromValue(x) ?? null]));
    case 'listValue':
      return ((v.listValue.values ?? []) as Raw[]).map((x) => fromValue(x) ?? null);
    case 'stringValue':
    case 'numberValue':
    case 'boolValue':
      return v[kind] as Json;
    default:
      return null;
  }
}

/**
 * The baseline each input's attributions are measured from, as the model version's
 * explanationSpec keeps it (metadata.inputs[name].inputBaselines[0]); empty when the model
 * has none (the attributions still hold, only the panel's "baseline" column stays blank).
 */
export async function explanationBaselines(pool: ClientPool, modelVersion: string): Promise<Record<string, Json>> {
  const client = await pool.get('ModelServiceClient', resourceRegion(modelVersion));
  const [model] = (await client.getModel({ name: modelVersion })) as unknown as [Raw];
  const inputs = (model.explanationSpec?.metadata?.inputs ?? {}) as Record<string, Raw>;
  return Object.fromEntries(
    Object.entries(inputs).flatMap(([name, input]) => {
      const first = (input.inputBaselines as Raw[] | undefined)?.[0];
      return first ? [[name, fromValue(first) ?? null]] : [];
    }),
  );
}
