// Mocha's spec reporter that also writes the counts to $VGO_RESULTS_FILE, so the
// test command can print how many tests ran in each layer.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    // Failed titles go into the results too: the summary at the end of a long run names them.
    const failed = [];
    runner.on('fail', (test, err) => failed.push(`${test.fullTitle()}: ${String(err?.message ?? err).split('\n')[0]}`));
    runner.once('end', () => {
      const file = process.env.VGO_RESULTS_FILE;
      if (!file) return;
      const { passes, failures, pending, tests } = this.stats;
      writeFileSync(file, JSON.stringify({ passes, failures, pending, tests, failed }));
    });
  }
}
module.exports = CountingReporter;
