// Launch commands: Gemini supervised tuning, custom GPU/TPU LoRA/PEFT jobs and
// hyperparameter tuning through multi-step input, and spec files run through the same
// review. Each resolves with the created job's name (undefined when nothing was sent).
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { runFlow, type Step } from '../../ui/multiStepFlow';
import { customSteps, newCustomLaunch } from './launch/customFlow';
import { geminiLaunchOf, geminiSteps, lintMessage, newGeminiLaunch, type GeminiState } from './launch/geminiFlow';
import { geminiLaunchFromJob, isLocal } from './launch/geminiRequest';
import { lintTuningFile, lintTuningObject } from './launch/lintTuningFile';
import { hptSteps, newHptLaunch } from './launch/hptFlow';
import type { Launch, LaunchKind } from './launch/launchTypes';
import type { Confirmable } from './launch/stepKit';
import { formatSpecProblem, readSpec } from './spec/specFile';
import { resourceNameFrom } from '../trees/api';
import { resourceRegion } from '../../vertex/protoValues';
import { getResourceJson } from '../../vertex/resourceJson';
import { jobKindOf } from '../../vertex/tuning';
import { tuningLaunchEnv } from './launch/tuningLaunchEnv';
import { sendLaunch } from './launch/tuningSend';

let diagnostics: vscode.DiagnosticCollection | undefined;

export function tuningCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.tuneGemini': async (target?: unknown) => {
      const file = target instanceof vscode.Uri && /\.jsonl$/i.test(target.fsPath) ? target.fsPath : undefined;
      const initial = newGeminiLaunch(ctx.host.settings().regions[0]);
      return launch(ctx, 'geminiTuning', file ? { ...initial, training: file } : initial, false);
    },
    'vertexGenAi.launchCustomTuning': async () => launch(ctx, 'customTuning', newCustomLaunch(ctx.host.settings().regions[0]), false),
    'vertexGenAi.launchHyperparameterTuning': async () => launch(ctx, 'hyperparameterTuning', newHptLaunch(ctx.host.settings().regions[0]), false),
    'vertexGenAi.runTuningSpec': async (target?: unknown) => runSpec(ctx, target),
    'vertexGenAi.cloneJob': async (target?: unknown) => {
      const name = resourceNameFrom(target);
      if (!name) return undefined;
      if (jobKindOf(name) !== 'tuning') {
        void vscode.window.showErrorMessage(vscode.l10n.t('Clone with changes takes a Gemini tuning job: pick one in the Tuning Jobs view.'));
        return undefined;
      }
      // The launch flow, pre-filled from the job and opened on its review: change what failed, then Start.
      const job = JSON.parse(await getResourceJson(await ctx.pool(), name)) as Record<string, unknown>;
      return launch(ctx, 'geminiTuning', geminiLaunchFromJob(job, resourceRegion(name)), true);
    },
  };
}

function stepsFor(ctx: FeatureContext, kind: LaunchKind): Step<Confirmable<Launch>>[] {
  const env = tuningLaunchEnv(ctx);
  const steps = kind === 'geminiTuning' ? geminiSteps(env) : kind === 'customTuning' ? customSteps(env) : hptSteps(env);
  return steps as unknown as Step<Confirmable<Launch>>[];
}

async function launch(ctx: FeatureContext, kind: LaunchKind, initial: Launch, reviewFirst: boolean): Promise<string | undefined> {
  let steps = stepsFor(ctx, kind);
  if (reviewFirst) steps = startAtReview(steps);
  const result = await runFlow(ctx.input(), steps, initial as Confirmable<Launch>);
  if (result.status !== 'done' || !result.state.confirmed) return undefined;
  const job = await sendLaunch(ctx, launchOf(result.state));
  return job.name;
}

/** A spec file opens on the review; its lines edit through the usual steps and come back. */
function startAtReview<S extends { readonly confirmed?: boolean }>(steps: Step<S>[]): Step<S>[] {
  const review = steps[steps.length - 1];
  const others = steps.slice(0, -1).map((step) => ({ ...step, skip: (s: S) => Boolean(s.confirmed) || (step.skip?.(s) ?? false) }) as Step<S>);
  return [review, ...others];
}

function launchOf(state: Confirmable<Launch>): Launch {
  if (state.kind === 'geminiTuning') return geminiLaunchOf(state as GeminiState);
  const { confirmed: _c, ownImage: _o, ...rest } = state as Confirmable<Launch> & { ownImage?: boolean };
  return rest as Launch;
}

async function runSpec(ctx: FeatureContext, target: unknown): Promise<string | undefined> {
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.file(target) : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !/\.tuning\.(ya?ml|json)$/.test(uri.fsPath)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open or pick a spec file (*.tuning.yaml or *.tuning.json) to run.'));
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : await readFile(uri.fsPath, 'utf8');
  const result = readSpec(text, dirname(uri.fsPath));
  diagnostics ??= vscode.languages.createDiagnosticCollection('vertexGenAi.tuningSpec');
  diagnostics.set(
    uri,
    result.problems.map((p) => {
      const position = new vscode.Position(p.line - 1, p.column - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), `${p.path ? `${p.path}: ` : ''}${p.message}`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Vertex GenAI';
      return diagnostic;
    }),
  );
  if (!result.launch) {
    const name = vscode.workspace.asRelativePath(uri);
    for (const p of result.problems) ctx.host.log.warn(formatSpecProblem(name, p));
    const more = result.problems.length > 1 ? vscode.l10n.t(' (and {0} more; see Problems)', result.problems.length - 1) : '';
    void vscode.window.showErrorMessage(`${formatSpecProblem(name, result.problems[0])}${more}`);
    return undefined;
  }
  if (result.launch.kind === 'geminiTuning') {
    // The data is linted before the review, as in the flow (a gs:// object is checked to exist first).
    for (const path of [result.launch.training, result.launch.validation]) {
      const message = !path ? undefined : lintMessage(path, isLocal(path) ? await lintTuningFile(path) : await lintTuningObject(await ctx.pool(), path));
      if (message) {
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    }
  }
  return launch(ctx, result.launch.kind, result.launch, true);
}
