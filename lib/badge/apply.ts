import type { Badge } from './schema';

/** The part of browser.action (Chrome and Firefox MV3) the badge needs. */
export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
  setBadgeTextColor?: (details: { color: string }) => Promise<void> | void;
}

/** Shows a badge on the toolbar button: text, colour (with white text where supported) and tooltip. */
export async function applyBadge(action: ActionApi, badge: Badge): Promise<void> {
  await action.setBadgeBackgroundColor({ color: badge.color });
  if (action.setBadgeTextColor) await action.setBadgeTextColor({ color: '#ffffff' });
  await action.setBadgeText({ text: badge.text });
  await action.setTitle({ title: badge.title });
}
