/** Strings of account and settings validation, secrets and the settings file. Keys are prefixed 'account.'. */
export const en = {
  'account.error.required': 'Required.',
  'account.error.tooLong': 'At most {max} characters.',
  'account.error.labelTaken': 'Another account already has this name.',
  'account.error.appkeySpaces': 'The appkey cannot contain spaces.',
  'account.error.baseUrl.invalid': 'Not a valid web address.',
  'account.error.baseUrl.scheme': 'Use an https:// address.',
  'account.error.baseUrl.insecure': 'Plain http:// is allowed only for this computer (localhost); use https://.',
  'account.error.baseUrl.credentials': 'Do not put a user name or password in the address.',
  'account.error.baseUrl.query': 'The address cannot contain “?” or “#”.',
  'account.error.interval': 'Enter whole seconds from {min} to {max}.',
  'account.error.thresholdFormat': 'Enter an amount such as 100 or 99.50 (at most two decimals).',
  'account.error.thresholdNegative': 'The amount cannot be negative.',
  'account.error.criticalAboveLow': 'The critical threshold cannot be above the low threshold.',
  'account.error.boolean': 'Must be on or off.',
  'account.error.language': 'Choose System, English or Chinese.',
  'account.error.forecastDays': 'Enter whole days from {min} to {max}.',
  'account.secret.keychainUnavailable':
    'No system keychain found. Install and unlock a Secret Service such as gnome-keyring or KWallet (Debian/Ubuntu: apt install gnome-keyring libsecret-1-0).',
  'account.secret.sessionOnly': 'Kept for this session only: not saved in a keychain.',
  'account.settings.setAside':
    'The settings file could not be read and was moved to {path}. Default settings are in use.',
  'account.settings.newer':
    'The settings file {path} was written by a newer version of EIOT Balance (schema {version}). It is read as far as this version can and left unchanged; changes are refused until you update.',
  'account.settings.newerRefused':
    'Nothing was changed: the settings file was written by a newer version of EIOT Balance (schema {version}). Update EIOT Balance to change settings.',
  'account.settings.invalid': '{problem}',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'account.error.required': '必填。',
  'account.error.tooLong': '最多 {max} 个字符。',
  'account.error.labelTaken': '已有账户使用此名称。',
  'account.error.appkeySpaces': 'appkey 不能包含空格。',
  'account.error.baseUrl.invalid': '不是有效的网址。',
  'account.error.baseUrl.scheme': '请使用 https:// 地址。',
  'account.error.baseUrl.insecure': '仅本机（localhost）可使用 http://，其他地址请使用 https://。',
  'account.error.baseUrl.credentials': '地址中不能包含用户名或密码。',
  'account.error.baseUrl.query': '地址中不能包含“?”或“#”。',
  'account.error.interval': '请输入 {min} 到 {max} 之间的整数秒。',
  'account.error.thresholdFormat': '请输入金额，如 100 或 99.50（最多两位小数）。',
  'account.error.thresholdNegative': '金额不能为负数。',
  'account.error.criticalAboveLow': '紧急阈值不能高于提醒阈值。',
  'account.error.boolean': '只能是开或关。',
  'account.error.language': '请选择跟随系统、英文或中文。',
  'account.error.forecastDays': '请输入 {min} 到 {max} 之间的整数天数。',
  'account.secret.keychainUnavailable':
    '未找到系统钥匙串。请安装并解锁 Secret Service，例如 gnome-keyring 或 KWallet（Debian/Ubuntu：apt install gnome-keyring libsecret-1-0）。',
  'account.secret.sessionOnly': '仅在本次运行中保留：未保存到钥匙串。',
  'account.settings.setAside': '无法读取设置文件，已将其移至 {path}。当前使用默认设置。',
  'account.settings.newer':
    '设置文件 {path} 由更新版本的 EIOT Balance 写入（schema {version}）。本版本尽量读取，不作任何修改；更新前无法更改设置。',
  'account.settings.newerRefused':
    '未作任何更改：设置文件由更新版本的 EIOT Balance 写入（schema {version}）。请更新 EIOT Balance 后再更改设置。',
  'account.settings.invalid':
    '设置文件无法使用，当前使用默认设置，首次更改时会将其移到一旁（不会删除）。详情：{problem}',
};
