/**
 * Dates as Venice's key API takes them (expiresAt): YYYY-MM-DD, or an ISO time in UTC.
 * Plain functions, no schema library: the Venice client (zod) and the popup's mint
 * options (zod/mini) both check with them.
 */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** True when a YYYY-MM-DD[THH:mm:ss[.sss]Z] string names a real calendar date and time. */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  if (value.length === 10) return true;
  const [hh, mm, ss] = value.slice(11, 19).split(':').map(Number) as [number, number, number];
  return hh < 24 && mm < 60 && ss < 60;
}
