/**
 * A Vite plugin for the popup's page (builds only): popup.html fetches ONE script file, the
 * popup's code (entrypoints/popup-app.tsx, which WXT builds as a single classic script).
 * - The page's stylesheets become inline <style> elements (the default CSP of an extension
 *   page restricts scripts, not styles); their files are dropped when nothing else names them.
 * - Module scripts and modulepreloads are removed from the page. The page's source has none:
 *   the only one is WXT's script for its runtime plugins (`virtual:wxt-html-plugins`), and the
 *   popup's script is an unlisted script whose WXT wrapper starts the same plugins itself.
 * The build fails if the page still links a stylesheet or loads a module afterwards.
 * Every file a page loads costs it a fetch from the extension before it can show anything
 * (`npm run bench -- popup_open`); test/unit/manifest checks the built page.
 */
import type { Plugin } from 'vite';

const PAGE = /(^|\/)popup(\/index)?\.html$/;
const LINK = /<link\b[^>]*>/gi;
const MODULE_SCRIPT = /<script\b[^>]*>\s*<\/script>\s*/gi;

interface OutputFile { type: 'asset' | 'chunk'; fileName: string; source?: string | Uint8Array; code?: string }

const text = (file: OutputFile): string =>
  file.type === 'chunk' ? file.code ?? '' : typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);

/** An attribute's value in one tag, quoted or not; undefined when absent. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}
const fileOf = (url: string) => url.replace(/^\//, '').split(/[?#]/)[0]!;

export function popupOneFile(): Plugin {
  return {
    name: 'venice-key-wallet:popup-one-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, OutputFile>;
      const page = Object.values(files).find((file) => file.type === 'asset' && PAGE.test(file.fileName));
      if (!page) return;
      const dropped = new Set<string>();
      const html = text(page)
        .replace(LINK, (tag) => {
          const rel = attr(tag, 'rel')?.toLowerCase();
          const href = attr(tag, 'href');
          if (!href || (rel !== 'stylesheet' && rel !== 'modulepreload')) return tag;
          const name = fileOf(href);
          dropped.add(name);
          if (rel === 'modulepreload') return '';
          const css = files[name];
          if (!css) this.error(`popup.html links ${href}, which is not in the build`);
          return `<style>${text(css).replace(/<\/style/gi, '<\\/style')}</style>`;
        })
        .replace(MODULE_SCRIPT, (tag) => {
          const src = attr(tag, 'src');
          if (attr(tag, 'type')?.toLowerCase() !== 'module' || !src) return tag;
          dropped.add(fileOf(src));
          return '';
        });
      const left = [...html.matchAll(LINK)].map((m) => m[0]).filter((tag) => /^(stylesheet|modulepreload)$/i.test(attr(tag, 'rel') ?? ''));
      if (left.length > 0 || /<script\b[^>]*\btype\s*=\s*["']?module/i.test(html)) {
        this.error(`popup.html must load one classic script and no other file; still there: ${left.join(' ') || 'a module script'}`);
      }
      page.source = html;
      // Kept when another page or chunk still names it.
      const elsewhere = Object.values(files)
        .filter((file) => file !== page && (file.type === 'chunk' || file.fileName.endsWith('.html')))
        .map(text)
        .join('\n');
      for (const name of dropped) if (!elsewhere.includes(name.split('/').pop()!)) delete files[name];
    },
  };
}
