// The MetaMask test double's fixed identity. Chrome derives an unpacked extension's id from
// its manifest `key` (the SHA-256 of the public key, first 32 hex digits written a-p), so
// the id below never changes; the private half was never kept (an unpacked extension needs
// none). Firefox takes the add-on id from browser_specific_settings.gecko.id.
import { createHash } from 'node:crypto';

export const DOUBLE_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjxV5VJ9pHQlDrGhkg5l2n7GzNprtK2MwpU5TI9dELmjl2PYSaY2n5Ue8hOGr6Ve+PXlBXOPgocK4bw76d1FYbpHnaCzupyPh0ht3lV8lVtaYPObvFqv6HQc6CcbgtaFPru2gp1HPpYU/FSwguag1FE3E6X6yHXLmelfl3jaG32uubnSw1Xr4kXM5ck3qVhjBZgHGOEfiGs0iFXaY8E4srRWfAI9TGmmy8Sryu8roFsxgRWSpkLJ5W7WIeZRg1JqNEYZwvTAq5jtf9aei/7+53cgf7aBamCiw5nn4iOg5RSyONlSEzcsI4wSRxAhIi9Ni+dym9OQN344DlSXmlOWFbQIDAQAB';

export const DOUBLE_CHROME_ID = 'neimhdmkbijgkelgpmfbkhilfmghphai';
export const DOUBLE_FIREFOX_ID = 'metamask-double@test.invalid';

/** Chrome's extension id of a manifest key (checked against DOUBLE_CHROME_ID by the build). */
export function chromeIdOfKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
