import { runCrmPageBench } from './crm-page.bench';
import { runMatcherBench } from './matcher.bench';
import { runNotesBench } from './notes.bench';
import { printTargets, type TargetCheck } from './report';
import { runReviewBench } from './review.bench';

/** Benchmarks by name; `npm run bench -- matcher` runs one, no argument runs all. */
const BENCHES: Record<string, () => TargetCheck[] | Promise<TargetCheck[]>> = {
  'crm-page': runCrmPageBench,
  matcher: runMatcherBench,
  notes: runNotesBench,
  review: runReviewBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(1);
  }
  const checks: TargetCheck[] = [];
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    checks.push(...(await bench()));
  }
  if (!printTargets(checks)) process.exitCode = 1;
}

void main();
