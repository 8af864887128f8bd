/**
 * A Vite plugin for the popup's page (builds only): popup.html fetches ONE file, the
 * popup's script (entrypoints/popup-app.tsx, which WXT builds as a single classic script).
 * - The page's stylesheet becomes an inline <style> element (an extension page's CSP limits
 *   scripts, not styles); its file is dropped when nothing else names it.
 * - WXT's module script for its runtime plugins (`virtual:wxt-html-plugins`) is removed from
 *   the page, and its chunk dropped when nothing else loads it: the popup's script is an
 *   unlisted script, whose WXT wrapper starts the same plugins itself.
 * Every file a page loads costs it a fetch from the extension before it can show anything
 * (`npm run bench -- popup_open`). test/unit/manifest checks the built page.
 */
import type { Plugin } from 'vite';

const PAGE = /(^|\/)popup(\/index)?\.html$/;
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\/?([^"]+\.css)"[^>]*>/g;
const PLUGINS_SCRIPT = /<script\b[^>]*\bsrc="\/?(chunks\/_virtual_wxt-html-plugins-[^"]+\.js)"[^>]*><\/script>\s*/g;

interface OutputFile { type: 'asset' | 'chunk'; fileName: string; source?: string | Uint8Array; code?: string }

const text = (file: OutputFile): string =>
  file.type === 'chunk' ? file.code ?? '' : typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);

export function popupOneFile(): Plugin {
  return {
    name: 'venice-key-wallet:popup-one-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, OutputFile>;
      const page = Object.values(files).find((file) => file.type === 'asset' && PAGE.test(file.fileName));
      if (!page) return;
      const dropped = new Set<string>();
      page.source = text(page)
        .replace(STYLESHEET, (tag, name: string) => {
          const css = files[name];
          if (!css) return tag;
          dropped.add(name);
          return `<style>${text(css).replace(/<\/style/gi, '<\\/style')}</style>`;
        })
        .replace(PLUGINS_SCRIPT, (_tag, name: string) => {
          dropped.add(name);
          return '';
        });
      // Kept when another page or chunk still names it.
      const elsewhere = Object.values(files)
        .filter((file) => file !== page && (file.type === 'chunk' || file.fileName.endsWith('.html')))
        .map(text)
        .join('\n');
      for (const name of dropped) if (!elsewhere.includes(name.split('/').pop()!)) delete files[name];
    },
  };
}
