/** Strings of the window area. Keys are prefixed 'window.'. */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
