// The side editor an inline run streams into: an untitled Markdown document with one
// section per target, rewritten at most every 50 ms while pieces arrive.
import * as vscode from 'vscode';

interface Section {
  title: string;
  text: string;
  footer: string;
}

export class AnswerDocument {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly document: vscode.TextDocument,
    private readonly heading: string,
    private readonly sections: Section[],
  ) {}

  static async open(heading: string, titles: readonly string[]): Promise<AnswerDocument> {
    const sections = titles.map((title) => ({ title, text: '', footer: '_…_' }));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: render(heading, sections) });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    return new AnswerDocument(document, heading, sections);
  }

  append(section: number, text: string): void {
    this.sections[section].text += text;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, 50);
  }

  /** Sets the section's final text and its figures (or error) line, and writes at once. */
  async finish(section: number, footer: string, text?: string): Promise<void> {
    if (text !== undefined) this.sections[section].text = text;
    this.sections[section].footer = footer;
    await this.flush();
  }

  private flush(): Promise<unknown> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const edit = new vscode.WorkspaceEdit();
      const whole = new vscode.Range(0, 0, this.document.lineCount, 0);
      edit.replace(this.document.uri, whole, render(this.heading, this.sections));
      await vscode.workspace.applyEdit(edit);
    });
    return this.writing;
  }
}

function render(heading: string, sections: readonly Section[]): string {
  const body = sections.map((s) => (sections.length > 1 ? `## ${s.title}\n\n` : `<!-- ${s.title} -->\n\n`) + `${s.text}\n\n${s.footer}\n`);
  return `# ${heading}\n\n${body.join('\n')}`;
}
