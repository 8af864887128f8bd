export type StorageArea = 'local' | 'session' | 'sync';

/** What the toolbar button shows, read back from the browser's action API. */
export interface Badge {
  text: string;
  /** RGBA, 0-255 each. */
  color: [number, number, number, number];
  title: string;
}
