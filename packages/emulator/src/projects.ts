// Projects known to the emulator. Vertex answers with the project NUMBER in every
// resource name even when called with the project id, so names are canonicalized to
// the number before they touch the store. An unknown (well-formed) project id is an
// empty project with a stable made-up number.
import { hash32 } from './ids';

export interface ProjectInfo {
  projectId: string;
  projectNumber: string;
  displayName: string;
  createTime: string;
}

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

export class ProjectRegistry {
  private readonly byId = new Map<string, ProjectInfo>();
  private readonly byNumber = new Map<string, ProjectInfo>();

  add(project: ProjectInfo): void {
    this.byId.set(project.projectId, project);
    this.byNumber.set(project.projectNumber, project);
  }

  list(): ProjectInfo[] {
    return [...this.byId.values()];
  }

  find(idOrNumber: string): ProjectInfo | undefined {
    return this.byId.get(idOrNumber) ?? this.byNumber.get(idOrNumber);
  }

  /** Project number for an id or number; undefined when the id is malformed. */
  numberFor(idOrNumber: string): string | undefined {
    const known = this.find(idOrNumber);
    if (known) return known.projectNumber;
    if (/^\d{1,19}$/.test(idOrNumber)) return idOrNumber;
    if (!PROJECT_ID.test(idOrNumber)) return undefined;
    const n = (hash32(idOrNumber) * 97 + hash32(`${idOrNumber}#`)) % 900_000_000_000;
    return String(100_000_000_000 + n);
  }
}
