import type { MessageKey } from './i18n';

const REASONS: Record<string, MessageKey> = {
  QuotaExceededError: 'storageErrorFull',
  // Another tab opened the database at a newer version, so this connection was closed or refused.
  VersionChangeError: 'storageErrorBlocked',
  DatabaseClosedError: 'storageErrorBlocked',
  InvalidStateError: 'storageErrorBlocked',
  VersionError: 'storageErrorVersion',
};

/**
 * The name of what made a save fail. Dexie wraps the browser's error (an AbortError around a
 * QuotaExceededError, an OpenFailedError around a VersionError), so a known cause inside wins.
 */
export function storageErrorName(error: unknown): string {
  for (let cause = error; cause instanceof Object; cause = (cause as { inner?: unknown }).inner) {
    const { name } = cause as { name?: unknown };
    if (typeof name === 'string' && Object.hasOwn(REASONS, name)) return name;
  }
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : String(error);
}

/** The message that explains a storage failure by its name, when it is one of the known ones. */
export function storageErrorReason(name: string): MessageKey | undefined {
  return Object.hasOwn(REASONS, name) ? REASONS[name] : undefined;
}
