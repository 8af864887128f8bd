import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Services are wired here as they land (vault, mint flow, poller).
});
