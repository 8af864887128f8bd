/** A 32×32 green disc (the badge's normal colour), for notifications when the extension has no icon file. */
export const NOTICE_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAdUlEQVR4nO3Wuw0AIAhFUTdyE1dx/0o7E+MPDcIrXkEp91SGEHMKnnP7oAhHFSCNPmF+x48Ii/gWYRVfIizjU4R1fEB4xDsEAV7xhiCAAAIIgAG4f8UEQBwkECcZxFEKcZZrI5aNE0ADsd0vAbxgxDtvAepTASZkkXcDnO9SAAAAAElFTkSuQmCC';
