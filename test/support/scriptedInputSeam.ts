// Answers a flow from a script, through the same requests the quick input gets:
// every typed answer runs the step's validation, and a rejected answer is
// recorded (as the message the user would see) before the next line is used,
// just as a user would retype. Tests assert on the transcript. Test code only:
// integration tests hand it to the extension through its test API.
import type { Answer, ConfirmRequest, PickOption, PickRequest, ScriptableInput, TextRequest } from '../../src/ui/inputSeam';

/** One scripted answer. `expect` checks which step is being answered. */
export type ScriptedAnswer =
  | { readonly expect?: string; readonly text: string }
  | { readonly expect?: string; readonly pick: string | readonly string[] }
  | { readonly expect?: string; readonly back: true }
  | { readonly expect?: string; readonly cancel: true };

export interface TranscriptEntry {
  readonly id: string;
  readonly title: string;
  readonly step: number;
  readonly totalSteps?: number;
  /** What the step offered or prefilled when it was shown. */
  readonly shown: readonly string[] | string;
  /** A pick's options as the quick input shows them under their labels: description and detail. */
  readonly described?: readonly string[];
  readonly answer?: string | readonly string[];
  /** The validation message the answer got, if it was refused. */
  readonly rejected?: string;
  readonly outcome: 'value' | 'back' | 'cancel' | 'rejected';
}

export class ScriptedInputSeam implements ScriptableInput {
  readonly transcript: TranscriptEntry[] = [];
  private next = 0;

  constructor(private readonly script: readonly ScriptedAnswer[]) {}

  /** Whether every scripted answer was used. */
  get finished(): boolean {
    return this.next >= this.script.length;
  }

  async text(request: TextRequest): Promise<Answer<string>> {
    for (;;) {
      const answer = this.take(request);
      if ('back' in answer || 'cancel' in answer) return this.control(request, answer, request.value);
      if (!('text' in answer)) throw new Error(`Step "${request.id}" asks for text, the script picks ${JSON.stringify(answer.pick)}`);
      const rejected = (await request.validate(answer.text)) ?? (await request.check?.(answer.text));
      this.record(request, request.value, answer.text, rejected);
      if (!rejected) return { kind: 'value', value: answer.text };
    }
  }

  async pick<T>(request: PickRequest<T>): Promise<Answer<readonly T[]>> {
    const options = await request.options;
    const shown = options.map((o) => o.label);
    const described = options.map((o) => [o.description, o.detail].filter(Boolean).join(' | '));
    for (;;) {
      const answer = this.take(request);
      if ('back' in answer || 'cancel' in answer) return this.control(request, answer, shown, described);
      if (!('pick' in answer)) throw new Error(`Step "${request.id}" is a pick, the script types "${answer.text}"`);
      const labels = typeof answer.pick === 'string' ? [answer.pick] : answer.pick;
      const values = labels.map((label) => findOption(options, label, request.id).value);
      const rejected = await request.validate?.(values);
      this.record(request, shown, labels, rejected, described);
      if (!rejected) return { kind: 'value', value: values };
    }
  }

  /**
   * The modal dialog, answered as a pick (id "confirm") of the action or "Cancel", with the
   * message and detail as its title: the transcript shows what the user read.
   */
  async confirm(request: ConfirmRequest): Promise<boolean> {
    const answer = await this.pick({
      id: 'confirm',
      title: request.detail ? `${request.message}\n${request.detail}` : request.message,
      step: 1,
      totalSteps: 1,
      canGoBack: false,
      options: [request.action, 'Cancel'].map((label) => ({ label, value: label })),
    });
    return answer.kind === 'value' && answer.value[0] === request.action;
  }

  private take(request: TextRequest | PickRequest<unknown>): ScriptedAnswer {
    const answer = this.script[this.next++];
    if (!answer) throw new Error(`The script has no answer for step "${request.id}" (${request.title})`);
    if (answer.expect && answer.expect !== request.id) throw new Error(`The script expected step "${answer.expect}" but the flow asks "${request.id}"`);
    return answer;
  }

  private control<T>(request: TextRequest | PickRequest<unknown>, answer: ScriptedAnswer, shown: readonly string[] | string, described?: readonly string[]): Answer<T> {
    const kind = 'back' in answer ? 'back' : 'cancel';
    this.transcript.push({ ...describe(request), shown, described, outcome: kind });
    return { kind };
  }

  private record(request: TextRequest | PickRequest<unknown>, shown: readonly string[] | string, answer: string | readonly string[], rejected: string | undefined, described?: readonly string[]): void {
    this.transcript.push({ ...describe(request), shown, described, answer, rejected, outcome: rejected ? 'rejected' : 'value' });
  }
}

function describe(r: TextRequest | PickRequest<unknown>) {
  return { id: r.id, title: r.title, step: r.step, totalSteps: r.totalSteps };
}

/** Matches a label as the user sees it, ignoring leading `$(icon)` markup. */
function findOption<T>(options: readonly PickOption<T>[], label: string, id: string): PickOption<T> {
  const plain = (s: string) => s.replace(/\$\([^)]*\)\s*/g, '').trim();
  const found = options.find((o) => plain(o.label) === plain(label));
  if (!found) throw new Error(`Step "${id}" has no option "${label}"; it offers: ${options.map((o) => plain(o.label)).join(', ')}`);
  return found;
}
