/** ImmyBot's domain: instances live at `<tenant>.immy.bot`. lib/halo needs it too (never a HaloPSA site). */
export const IMMYBOT_DOMAIN = 'immy.bot';

export const isImmyBotHost = (hostname: string): boolean =>
  hostname === IMMYBOT_DOMAIN || hostname.endsWith(`.${IMMYBOT_DOMAIN}`);
