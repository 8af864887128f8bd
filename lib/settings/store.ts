/**
 * The settings as a service: read (checked with zod, damaged fields fall back to their
 * defaults), update (a partial change stored only when every field is valid) and watch.
 * Takes the stored item (lib/storage/items.ts); the composition root creates the one store
 * and hands its `read` to every service that needs a setting, with the build's policy
 * (store builds accept only the pinned addresses, on read and on update).
 */
import { AppException, storageWriteError } from '../errors';
import type { BuildPolicy } from './build-policy';
import type { Settings } from './schema';
import { applySettingsPatch, parseStoredSettings, type SettingsResult } from './validate';

/** The part of a storage item the store uses (WXT's item, or a fake in tests). */
export interface SettingsItem {
  getValue(): Promise<unknown>;
  setValue(value: Settings): Promise<void>;
  watch(listener: (value: unknown) => void): () => void;
}

export interface SettingsStore {
  read(): Promise<Settings>;
  update(patch: unknown): Promise<SettingsResult>;
  /** Calls `listener` with the checked settings whenever they change in storage. */
  watch(listener: (settings: Settings) => void): () => void;
}

export function createSettingsStore(item: SettingsItem, policy: BuildPolicy): SettingsStore {
  const read = async () => parseStoredSettings(await item.getValue(), policy);
  return {
    read,
    async update(patch) {
      const result = applySettingsPatch(await read(), patch, policy);
      if (result.ok) {
        // A full storage is STORAGE_FULL (and the stored settings stay as they were), never UNKNOWN.
        await item.setValue(result.settings).catch((error: unknown) => {
          throw new AppException(storageWriteError(error), { cause: error });
        });
      }
      return result;
    },
    watch: (listener) => item.watch((value) => listener(parseStoredSettings(value, policy))),
  };
}
