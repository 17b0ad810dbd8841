import { defineBackground } from 'wxt/utils/define-background';
import { setupClosingDrafts } from './closing-drafts';
import { setupContextMenus } from './context-menus';
import { setupE2ePanelTab } from './e2e-panel-tab';
import { setupRetention } from './retention';
import { setupSearchSelection } from './search-selection';
import { setupSidePanel } from './side-panel';
import { setupSiteScripts } from './site-scripts';

export default defineBackground(() => {
  setupSidePanel();
  setupContextMenus();
  setupSearchSelection();
  setupRetention();
  setupSiteScripts();
  setupClosingDrafts();
  if (import.meta.env.MODE === 'e2e' && import.meta.env.FIREFOX) setupE2ePanelTab();
});
