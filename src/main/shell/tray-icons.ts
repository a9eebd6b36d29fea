/**
 * One native image per tray state, loaded once: the PNGs live in build/tray (Electron picks up
 * the @1.5x/@2x siblings itself). Linux panels are mostly 22-24 px high, so there the 22 px
 * drawing (build/tray/linux) is used instead of scaling the 16 px one (which came out soft). The neutral macOS
 * icon is a template image so the menu bar tints it.
 */
import path from 'node:path';
import { nativeImage, type NativeImage } from 'electron';
import { trayIconFile, type TrayIconName } from './tray-view.js';

export type IconSource = (name: TrayIconName) => NativeImage;

export function trayIcons(iconDir: string, platform?: NodeJS.Platform): IconSource {
  const cache = new Map<TrayIconName, NativeImage>();
  return (name) => {
    let image = cache.get(name);
    if (!image) {
      image = nativeImage.createFromPath(path.join(iconDir, trayIconFile(name, platform)));
      if (name === 'okTemplate') image.setTemplateImage(true);
      cache.set(name, image);
    }
    return image;
  };
}
