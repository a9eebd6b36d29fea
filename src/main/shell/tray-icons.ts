/**
 * One native image per tray state, loaded once: the PNGs live in build/tray (Electron picks up
 * the @2x sibling itself). The neutral macOS icon is a template image so the menu bar tints it.
 */
import path from 'node:path';
import { nativeImage, type NativeImage } from 'electron';
import type { TrayIconName } from './tray-view.js';

export type IconSource = (name: TrayIconName) => NativeImage;

export function trayIcons(iconDir: string): IconSource {
  const cache = new Map<TrayIconName, NativeImage>();
  return (name) => {
    let image = cache.get(name);
    if (!image) {
      image = nativeImage.createFromPath(path.join(iconDir, `${name}.png`));
      if (name === 'okTemplate') image.setTemplateImage(true);
      cache.set(name, image);
    }
    return image;
  };
}
