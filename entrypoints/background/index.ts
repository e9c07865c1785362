import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setupMessages } from '../../lib/background/messages';
import { setupPolicyCopy } from '../../lib/background/policy-copy';
import { setupReconciliation } from '../../lib/background/reconcile';
import { setupShortcut } from '../../lib/background/shortcut';
import { setupWelcome } from '../../lib/background/welcome';

export default defineBackground(() => {
  const policyCopied = setupPolicyCopy(browser);
  setupMessages(browser);
  setupReconciliation(browser);
  setupShortcut(browser);
  setupWelcome(browser, policyCopied);
});
