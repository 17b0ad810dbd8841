import { describe, expect, it, vi } from 'vitest';
import { adaptersFor, CRM_ADAPTERS, extractCaseContext } from '@/utils/crm/adapters';
import type { CrmAdapter } from '@/utils/crm/case-context';
import { makeCaseContext } from '../../../fixtures/factories';
import { parseHtml } from '../../dom';

const contextFrom = (site: string) => makeCaseContext({ site });

function adapter(id: string, host: string | null, reads: boolean): CrmAdapter {
  return {
    id,
    matches: (url) => host === null || url.hostname === host,
    extract: vi.fn(() => (reads ? contextFrom(id) : null)),
    findReplyEditor: () => null,
    caseContainer: () => null,
  };
}

describe('CRM adapter registry', () => {
  const url = new URL('https://crm.example.com/case/1');

  it('offers the adapters that know the address, in registry order', () => {
    const adapters = [
      adapter('other', 'other.example.com', true),
      adapter('product', 'crm.example.com', true),
      adapter('generic', null, true),
    ];
    expect(adaptersFor(url, adapters).map((a) => a.id)).toEqual(['product', 'generic']);
  });

  it('reads the case with the first adapter that finds one, and asks no further', () => {
    const empty = adapter('product', 'crm.example.com', false);
    const generic = adapter('generic', null, true);
    const after = adapter('never', null, true);
    expect(extractCaseContext(parseHtml('<p></p>'), url, [empty, generic, after])?.site).toBe('generic');
    expect(empty.extract).toHaveBeenCalledOnce();
    expect(after.extract).not.toHaveBeenCalled();
  });

  it('reads nothing when no adapter finds a case', () => {
    expect(extractCaseContext(parseHtml('<p></p>'), url, [adapter('product', 'crm.example.com', false)])).toBeNull();
    expect(extractCaseContext(parseHtml('<p></p>'), url, [])).toBeNull();
  });

  it('always has the generic adapter to fall back on, whatever the address', () => {
    expect(adaptersFor(new URL('https://desk.unknown-crm.io/t/9')).map((a) => a.id)).toContain('generic');
    expect(new Set(CRM_ADAPTERS.map((a) => a.id)).size).toBe(CRM_ADAPTERS.length);
  });
});
