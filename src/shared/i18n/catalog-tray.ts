/** Strings of the tray area. Keys are prefixed 'tray.'. */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
