// Packs the app for Linux as the AppImage target would, against a stand-in Electron, and
// stops where electron-builder hands over the computed desktop entry (its
// effectiveOptionComputed hook), before anything would be downloaded. The unpacked app is
// left in <output>/linux-unpacked and the desktop entry written to <output>/desktop-entry.txt.
// Usage: node appimage-pack.mjs <electronDist> <output>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';

const [electronDist, output] = process.argv.slice(2);
await build({
  targets: Platform.LINUX.createTarget('AppImage', Arch.x64),
  publish: 'never',
  config: {
    electronDist,
    directories: { output },
    // Rebuilding keytar for Electron's ABI needs Electron's headers: a download.
    npmRebuild: false,
  },
  effectiveOptionComputed: async (options) => {
    if (options && typeof options === 'object' && 'desktop' in options) {
      writeFileSync(join(output, 'desktop-entry.txt'), String(options.desktop));
      return true;
    }
    return false;
  },
});
