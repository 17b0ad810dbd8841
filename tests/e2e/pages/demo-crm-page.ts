import type { Page } from '@playwright/test';

/** The WalletDesk demo CRM as an agent uses it. */
export class DemoCrmPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async openCase(caseId: string, lang: 'en' | 'zh-CN' = 'en'): Promise<void> {
    await this.page.goto(new URL(`/cases/${caseId}?lang=${lang}`, this.baseUrl).href);
    await this.page.locator(`main#case-view[data-case-id="${caseId}"]`).waitFor();
  }

  /** Switches case through the case list, as a single-page navigation. */
  async switchTo(caseId: string): Promise<void> {
    await this.page.locator(`a[href="/cases/${caseId}"]`).first().click();
    await this.page.locator(`main#case-view[data-case-id="${caseId}"]`).waitFor();
  }

  replyEditor() {
    return this.page.locator('#reply-editor');
  }
}
