// Helpers for seeds: typed puts, timestamps relative to "now" (so elapsed times look
// real), and the cross links Vertex maintains itself (a model version lists the
// endpoints it is deployed to).
import type { EmulatorState } from '../context';
import { etagOf } from '../handlers/resourceFields';
import type { ProjectInfo } from '../projects';
import type { JsonObject } from '../wireCodec';

const V1 = 'google.cloud.aiplatform.v1';

export type ModelVersionData = JsonObject & { versionId: string };

export class SeedWriter {
  constructor(
    readonly state: EmulatorState,
    private readonly now: Date,
  ) {}

  /** RFC 3339 time `amount` before now: ago(3, 'd'), ago(40, 'm'). */
  ago(amount: number, unit: 's' | 'm' | 'h' | 'd'): string {
    const ms = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit];
    return new Date(this.now.getTime() - amount * ms).toISOString();
  }

  project(project: Omit<ProjectInfo, 'createTime'> & { createTime?: string }): ProjectInfo {
    const info = { createTime: this.ago(400, 'd'), ...project };
    this.state.projects.add(info);
    return info;
  }

  /** Stores a v1 resource; `kind` is the message name ("Endpoint"). */
  put(kind: string, name: string, data: JsonObject): JsonObject {
    const full: JsonObject = { name, ...data };
    if (this.state.schema.message(`${V1}.${kind}`)?.fields.has('etag')) full.etag = etagOf(full);
    this.state.store.put(name, `${V1}.${kind}`, full);
    return full;
  }

  /** One version of a model, stored as `${model}@${versionId}`. */
  modelVersion(model: string, data: ModelVersionData): JsonObject {
    const full: JsonObject = { name: model, ...data };
    full.etag = etagOf(full);
    this.state.store.put(`${model}@${data.versionId}`, `${V1}.Model`, full);
    return full;
  }

  /** Fills Model.deployedModels from every endpoint's deployedModels, as Vertex does. */
  linkDeployments(): void {
    for (const [name, resource] of [...this.state.store.under('projects')]) {
      if (resource.typeName !== `${V1}.Endpoint`) continue;
      for (const deployed of (resource.data.deployedModels as JsonObject[] | undefined) ?? []) {
        const version = this.state.store.get(`${String(deployed.model)}@${String(deployed.modelVersionId)}`);
        if (!version) continue;
        const refs = (version.data.deployedModels as JsonObject[] | undefined) ?? [];
        version.data.deployedModels = [...refs, { endpoint: name, deployedModelId: deployed.id }];
      }
    }
  }
}
