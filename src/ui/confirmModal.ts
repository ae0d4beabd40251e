// Destructive actions ask first, in a modal dialog. A test's scripted seam answers the
// same question as a pick (id "confirm", the message and detail as its title), since
// the test workbench refuses dialogs; the transcript then shows what the user read.
import * as vscode from 'vscode';
import type { InputSeam } from './inputSeam';
import { ScriptedInputSeam } from './scriptedInputSeam';

/** Returns the chosen action's label, or undefined when the user cancelled. */
export async function confirmModal(seam: InputSeam, message: string, detail: string, actions: readonly string[]): Promise<string | undefined> {
  if (seam instanceof ScriptedInputSeam) {
    const answer = await seam.pick({
      id: 'confirm',
      title: `${message}\n${detail}`,
      step: 1,
      totalSteps: 1,
      canGoBack: false,
      options: [...actions, 'Cancel'].map((label) => ({ label, value: label })),
    });
    return answer.kind === 'value' && answer.value[0] !== 'Cancel' ? answer.value[0] : undefined;
  }
  return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
}
