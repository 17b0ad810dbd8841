import type { Page } from '@playwright/test';

/** The agent's side panel, opened as a tab bound to a CRM tab. */
export class PanelPage {
  constructor(readonly page: Page) {}

  caseId() {
    return this.page.getByTestId('case-id');
  }

  caseSubject() {
    return this.page.getByTestId('case-subject');
  }

  noCase() {
    return this.page.getByTestId('no-case');
  }

  suggestions() {
    return this.page.getByTestId('suggestion');
  }

  searchBox() {
    return this.page.getByRole('searchbox');
  }

  status() {
    return this.page.getByTestId('faq-status');
  }
}
