/** HaloPSA and ImmyBot ids are positive 32-bit integers; anything larger is a typo or an attack. */
export const MAX_ID = 2_147_483_647;

/** True for a whole number from 1 to MAX_ID. */
export function isValidId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID;
}

/** Reads an id written as plain decimal digits ("619", " 0619 "); null for anything else. */
export function parseId(text: string): number | null {
  const digits = text.trim();
  // Digits only: rejects "1e3", "-5", "0x10", "619; x" that Number() would accept or half-accept.
  if (!/^[0-9]{1,12}$/.test(digits)) return null;
  const id = Number(digits);
  return isValidId(id) ? id : null;
}
