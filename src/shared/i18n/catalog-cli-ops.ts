/**
 * Strings of issue 13 (the command line and `serve` for scripts and servers), kept apart
 * from catalog-cli.ts so parallel work on that file does not collide. Keys are 'cli.' and
 * one 'account.' rule shared with the window.
 */
export const en = {
  'account.error.labelControl': 'must not contain control characters such as a line break or a tab',

  'cli.secret.prompt': 'Secret (typing is hidden): ',
  'cli.error.secretStdinEmpty':
    'No secret on standard input: it is not a terminal and gave nothing. Pipe the secret in (for example from your secret manager) or set EIOT_SECRET.',
  'cli.error.noStoredSecretKeep':
    '{label}: no secret in the keychain. Store it with "eiot-balance accounts set-secret {label} --secret-stdin"; the account and its history stay.',
  'cli.error.nothingToEdit':
    'Nothing to change: give at least one of --label, --appkey, --base-url, --low, --critical, --interval, --enable or --disable.',
  'cli.error.enableDisable': '--enable and --disable cannot be combined.',
  'cli.error.verifyFailed':
    'Not added: a check with these credentials failed: {reason} Fix them, or add --no-verify to store the account without checking.',
  'cli.accounts.updated': 'Updated {label} ({id}).',
  'cli.accounts.secretStored': 'Stored the new secret of {label} ({id}) in the keychain.',
  'cli.accounts.verified': 'Checked {label}: {money}.',
  'cli.accounts.suggest':
    'Suggested thresholds for this balance: --low {low} --critical {critical}. Set them with: eiot-balance accounts edit {id} --low {low} --critical {critical}',
  'cli.accounts.secretUnknown': 'secret: keychain unavailable',
  'cli.accounts.noKeychain': 'No system keychain here: whether each account has a secret is not shown.',
  'cli.readingState': '{label}: {money} [{state}] (fetched {time})',
  'cli.watch.lastKnown': '{label}: last known {money} (fetched {time})',
  'cli.serve.ambiguous':
    'Refusing to start: these secret names fit more than one account, and a wrong guess would poll one account with the other\'s secret:\n{lines}\nRename a label ("eiot-balance accounts edit ID --label NEW") so each name fits one account, then set the secrets again.',
  'cli.serve.ambiguousEnv': '  {name} fits {accounts}',
  'cli.serve.ambiguousFile': '  secrets file entry "{name}" fits {accounts}',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'account.error.labelControl': '不能包含换行、制表符等控制字符',

  'cli.secret.prompt': '密钥（输入不会显示）：',
  'cli.error.secretStdinEmpty':
    '标准输入上没有密钥：它不是终端，也没有提供任何内容。请通过管道传入密钥（例如来自密钥管理工具），或设置 EIOT_SECRET。',
  'cli.error.noStoredSecretKeep':
    '{label}：钥匙串中没有密钥。请用 "eiot-balance accounts set-secret {label} --secret-stdin" 保存；账户及其历史记录会保留。',
  'cli.error.nothingToEdit':
    '没有要修改的内容：请至少指定 --label、--appkey、--base-url、--low、--critical、--interval、--enable 或 --disable 之一。',
  'cli.error.enableDisable': '--enable 与 --disable 不能同时使用。',
  'cli.error.verifyFailed': '未添加：使用这些凭据的检查失败：{reason} 请修正，或加上 --no-verify 不经检查直接保存。',
  'cli.accounts.updated': '已更新 {label}（{id}）。',
  'cli.accounts.secretStored': '已将 {label}（{id}）的新密钥保存到钥匙串。',
  'cli.accounts.verified': '已检查 {label}：{money}。',
  'cli.accounts.suggest':
    '按此余额建议的阈值：--low {low} --critical {critical}。设置方法：eiot-balance accounts edit {id} --low {low} --critical {critical}',
  'cli.accounts.secretUnknown': '密钥：钥匙串不可用',
  'cli.accounts.noKeychain': '此处没有系统钥匙串：无法显示各账户是否有密钥。',
  'cli.readingState': '{label}：{money} [{state}]（获取于 {time}）',
  'cli.watch.lastKnown': '{label}：上次已知 {money}（获取于 {time}）',
  'cli.serve.ambiguous':
    '拒绝启动：以下密钥名称对应不止一个账户，猜错会用另一个账户的密钥查询：\n{lines}\n请修改名称（"eiot-balance accounts edit ID --label 新名称"），使每个名称只对应一个账户，然后重新设置密钥。',
  'cli.serve.ambiguousEnv': '  {name} 对应 {accounts}',
  'cli.serve.ambiguousFile': '  密钥文件条目 "{name}" 对应 {accounts}',
};
