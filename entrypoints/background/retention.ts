import { browser } from 'wxt/browser';
import { getDatabase } from '@/utils/db/database';
import { purgeExpiredNotes } from '@/utils/notes/retention';
import { loadSettings } from '@/utils/settings';

const ALARM = 'purge-expired-notes';

/** Once a day, delete call notes past the retention period set in Options. */
export function setupRetention(): void {
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { delayInMinutes: 5, periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void loadSettings().then(({ retentionDays }) => purgeExpiredNotes(getDatabase(), { retentionDays }));
  });
}
