import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setupMessages } from '../../lib/background/messages';
import { setupReconciliation } from '../../lib/background/reconcile';
import { setupShortcut } from '../../lib/background/shortcut';

export default defineBackground(() => {
  setupMessages(browser);
  setupReconciliation(browser);
  setupShortcut(browser);
});
