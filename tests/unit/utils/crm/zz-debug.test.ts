import { it } from 'vitest';
import { extractCaseContext } from '@/utils/crm/adapters';
import { listCrmFixtures, loadCrmFixture } from './crm-fixtures';
const only = process.env.FIX ?? '';
it('debug', () => {
  for (const [dir, name] of listCrmFixtures()) {
    if (only && !`${dir}/${name}`.includes(only)) continue;
    const f = loadCrmFixture(dir, name);
    const t = performance.now();
    const ctx = extractCaseContext(f.doc, f.url);
    const ms = (performance.now() - t).toFixed(1);
    const { url: _u, ...rest } = ctx ?? ({} as any);
    const exp = f.expected;
    const diffs = ctx && exp ? Object.keys({ ...rest, ...exp }).filter((k) => k !== 'url' && JSON.stringify((rest as any)[k]) !== JSON.stringify((exp as any)[k])).map((k) => `  ${k}: got ${JSON.stringify((rest as any)[k])}\n     want ${JSON.stringify((exp as any)[k])}`) : ctx === null && exp === null ? [] : [`  got ${JSON.stringify(rest)} want ${JSON.stringify(exp)}`];
    console.log(`${dir}/${name} (${ms}ms) ${diffs.length ? 'DIFF\n' + diffs.join('\n') : 'OK'}`);
  }
});
