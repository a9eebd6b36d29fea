/** Strings of the cli area. Keys are prefixed 'cli.'. */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
