import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setupMessages } from '../../lib/background/messages';
import { setupPolicySync } from '../../lib/background/policy-sync';
import { setupReconciliation } from '../../lib/background/reconcile';
import { setupShortcut } from '../../lib/background/shortcut';
import { setupWelcome } from '../../lib/background/welcome';
import { migrateSettings } from '../../lib/settings/store';

export default defineBackground(() => {
  // Every context reads storage raw (lib/settings/settings): the one writer brings it to the current version first.
  void migrateSettings();
  const policyCopied = setupPolicySync(browser);
  setupMessages(browser);
  setupReconciliation(browser);
  setupShortcut(browser);
  setupWelcome(browser, policyCopied);
});
