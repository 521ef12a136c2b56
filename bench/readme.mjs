// `make bench-readme`: puts the figures of the last `make bench` (bench/results.json: its date, commit, machine
// and table) into the README's "Speed and size" section, in place of what was there, up to the line that points
// at docs/bench.md. Run it right after `make bench` on the commit to be described.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmeFile = path.join(root, 'README.md');
const results = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8'));
if (!Array.isArray(results.table) || !results.commit) {
  console.error('bench-readme: bench/results.json has no table or commit: run `make bench` first');
  process.exit(1);
}

const m = results.machine;
const section = `## Speed and size

Measured by \`make bench\` on ${results.generated.slice(0, 10)}, commit ${results.commit} (figures in [bench/results.json](bench/results.json)).
Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB; ${m.os}; Node ${m.node}; emcc ${m.emcc}; ${m.chromium};
${m.cc}; XGBoost ${results.xgboost_version ?? 'n/a'}. Load average at the end: ${m.load_average.join(', ')}. Times are the best of
${results.badge_rounds} rounds of medians (the badge, the cold start) or of ${results.passes} passes (the core); the two ratios are measured side by side.

| measure | value | unit | target | |
|---|---:|---|---|---|
${results.table.map((row) => `| ${row.label} | ${row.value} | ${row.unit} | ${row.target} | ${row.status} |`).join('\n')}

`;

const readme = fs.readFileSync(readmeFile, 'utf8');
const start = readme.indexOf('## Speed and size\n');
const end = readme.indexOf('How each figure is made', start);
if (start < 0 || end < 0) {
  console.error('bench-readme: README.md has no "## Speed and size" section ending in "How each figure is made"');
  process.exit(1);
}
fs.writeFileSync(readmeFile, readme.slice(0, start) + section + readme.slice(end));
console.log(`bench-readme: README.md's "Speed and size" now shows ${results.generated.slice(0, 10)}, commit ${results.commit}`);
