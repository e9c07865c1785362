/** The Firefox add-on id (manifest `browser_specific_settings.gecko.id`): Firefox policy names the add-on by it. */
export const GECKO_ID = 'technician-tools@immybot-halopsa.extension';
