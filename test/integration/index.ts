// The contract of @vscode/test-electron: the extension host requires this file
// and awaits run(); a rejection fails the run.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
const CountingReporter = require('../../scripts/mochaReporter.cjs');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: CountingReporter });
  const grep = process.env.VGO_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
