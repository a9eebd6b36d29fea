/** Strings of the failure area. Keys are prefixed 'failure.'. */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
