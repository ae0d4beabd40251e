// The InputSeam as the user sees it: VS Code's quick input, with a Back button,
// validation as they type, and focus-out ignored so a click elsewhere loses nothing;
// confirmations in a modal dialog. The only place in src/ that shows either.
import * as vscode from 'vscode';
import type { Answer, ConfirmRequest, InputSeam, PickOption, PickRequest, TextRequest } from './inputSeam';

interface Item<T> extends vscode.QuickPickItem {
  readonly option: PickOption<T>;
}

type AcceptingInput = vscode.QuickInput & {
  readonly onDidAccept: vscode.Event<void>;
  readonly onDidTriggerButton: vscode.Event<vscode.QuickInputButton>;
  buttons: readonly vscode.QuickInputButton[];
};

export class QuickInputSeam implements InputSeam {
  pick<T>(request: PickRequest<T>): Promise<Answer<readonly T[]>> {
    const qp = vscode.window.createQuickPick<Item<T>>();
    qp.title = request.title;
    qp.step = request.step;
    qp.totalSteps = request.totalSteps;
    qp.placeholder = request.placeholder;
    qp.canSelectMany = request.canPickMany ?? false;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    qp.buttons = request.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const fill = (options: readonly PickOption<T>[]) => {
      const items = options.map((option) => ({ label: option.label, description: option.description, detail: option.detail, option }));
      qp.items = items;
      const selected = items.filter((i) => i.option.picked || request.selected?.includes(i.option.value));
      if (qp.canSelectMany) qp.selectedItems = selected;
      else if (selected[0]) qp.activeItems = [selected[0]];
    };
    let loaded: Promise<void> | undefined;
    if (Array.isArray(request.options)) fill(request.options);
    else {
      // Shown at once, busy, while the options load.
      qp.busy = true;
      loaded = Promise.resolve(request.options).then((options) => {
        qp.busy = false;
        fill(options);
      });
    }
    return this.run(qp, async () => {
      const chosen = qp.canSelectMany ? qp.selectedItems : qp.activeItems.slice(0, 1);
      if (!qp.canSelectMany && chosen.length === 0) return undefined;
      const values = chosen.map((i) => i.option.value);
      const message = await request.validate?.(values);
      if (message) {
        // Quick picks have no validation line: the placeholder carries the reason.
        qp.placeholder = `⚠ ${message}`;
        return undefined;
      }
      return values;
    }, [], loaded);
  }

  async confirm(request: ConfirmRequest): Promise<boolean> {
    const picked = await vscode.window.showWarningMessage(request.message, { modal: true, detail: request.detail }, request.action);
    return picked === request.action;
  }

  text(request: TextRequest): Promise<Answer<string>> {
    const box = vscode.window.createInputBox();
    box.title = request.title;
    box.step = request.step;
    box.totalSteps = request.totalSteps;
    box.prompt = request.prompt;
    box.placeholder = request.placeholder;
    box.value = request.value;
    box.password = request.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = request.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    let latest = 0;
    const validate = async (text: string) => {
      const ticket = ++latest;
      const message = await request.validate(text);
      if (ticket === latest) box.validationMessage = message;
      return message;
    };
    const changed = box.onDidChangeValue((text) => void validate(text));
    if (request.value) void validate(request.value);
    const accept = async () => {
      if (await validate(box.value)) return undefined;
      if (!request.check) return box.value;
      const ticket = latest;
      box.busy = true;
      const message = await request.check(box.value).finally(() => (box.busy = false));
      if (ticket === latest) box.validationMessage = message;
      return message ? undefined : box.value;
    };
    return this.run(box, accept, [changed]);
  }

  /** Shows the input until it is accepted with a valid answer, backed out of or hidden; or until `loaded` fails. */
  private run<V>(input: AcceptingInput, accept: () => Promise<V | undefined>, extra: vscode.Disposable[] = [], loaded?: Promise<void>): Promise<Answer<V>> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (answer: Answer<V> | { readonly failed: unknown }) => {
        if (settled) return;
        settled = true;
        disposables.forEach((d) => d.dispose());
        input.dispose();
        if ('failed' in answer) reject(answer.failed);
        else resolve(answer);
      };
      loaded?.catch((failed: unknown) => finish({ failed }));
      const disposables = [
        ...extra,
        input.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish({ kind: 'back' })),
        input.onDidAccept(async () => {
          input.busy = true;
          const value = await accept();
          input.busy = false;
          if (value !== undefined) finish({ kind: 'value', value });
        }),
        input.onDidHide(() => finish({ kind: 'cancel' })),
      ];
      input.show();
    });
  }
}
