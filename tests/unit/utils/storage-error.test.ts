import { describe, expect, it } from 'vitest';
import { storageErrorName, storageErrorReason } from '@/utils/storage-error';

const named = (name: string, inner?: unknown) => Object.assign(new Error(name), { name, inner });

describe('storageErrorName', () => {
  it.each<[string, unknown, string]>([
    ['a DOMException', new DOMException('full', 'QuotaExceededError'), 'QuotaExceededError'],
    ["Dexie's AbortError around a full disk", named('AbortError', named('QuotaExceededError')), 'QuotaExceededError'],
    [
      "Dexie's OpenFailedError around a newer database",
      named('OpenFailedError', named('VersionError')),
      'VersionError',
    ],
    ['a wrapper around an unknown cause', named('AbortError', named('UnknownError')), 'AbortError'],
    ['an error of its own', named('DataCloneError'), 'DataCloneError'],
    ['something that is not an error', 'broken', 'broken'],
    ['nothing', null, 'null'],
  ])('names %s', (_name, error, expected) => {
    expect(storageErrorName(error)).toBe(expected);
  });
});

describe('storageErrorReason', () => {
  it.each([
    ['QuotaExceededError', 'storageErrorFull'],
    ['VersionChangeError', 'storageErrorBlocked'],
    ['DatabaseClosedError', 'storageErrorBlocked'],
    ['InvalidStateError', 'storageErrorBlocked'],
    ['VersionError', 'storageErrorVersion'],
    ['AbortError', undefined],
    ['toString', undefined],
  ])('%s -> %s', (name, reason) => {
    expect(storageErrorReason(name)).toBe(reason);
  });
});
