/**
 * The headless service's refusals at start (bad options, unsafe or malformed files, accounts
 * it cannot poll), shown by the CLI before serve listens. serve's JSON log stays English.
 */
export const en = {
  'serve.file.token': 'token file',
  'serve.file.secrets': 'secrets file',
  'serve.error.port': '--port must be a whole number from 0 to 65535, not "{value}"',
  'serve.error.host': '--host must be an address or a host name, not "{value}"',
  'serve.error.needsPath': '--{option} needs a file path',
  'serve.error.maxConnections': '--max-connections must be a whole number from 1 to 10000, not "{value}"',
  'serve.error.concurrency': '--concurrency must be a whole number from 1 to 256, not "{value}"',
  'serve.error.logLevel': '--log-level must be info, warn or error, not "{value}"',
  'serve.error.exposed':
    'refusing to listen on {host} without --token-file: anyone who can reach the port could read the balances. Give --token-file FILE, or --allow-unauthenticated if only trusted machines can reach it',
  'serve.error.unreadable': '{what} {file} cannot be read: {code}',
  'serve.error.mode': '{what} {file} has mode {mode}: other users could read it. Run: chmod 600 {file}',
  'serve.error.secretsNotJson': 'secrets file {file} is not valid JSON',
  'serve.error.secretsNotObject': 'secrets file {file} must be a JSON object of name to secret',
  'serve.error.secretsValue': 'secrets file {file}: the value for "{name}" must be a non-empty string',
  'serve.error.secretsLine': 'secrets file {file}, line {line}: expected <id or label>=<secret>',
  'serve.error.readOnly': 'secrets of the headless service are read-only: change the environment or the secrets file',
  'serve.error.tokenLine': 'token file {file} must hold one token on one line',
  'serve.error.listen': 'cannot listen on {host}:{port}: {reason}',
  'serve.error.noAccounts': 'no accounts to watch: add one with `eiot-balance accounts add` (same EIOT_BALANCE_HOME)',
  'serve.error.noSecretOne': 'no secret for this account:\n{lines}',
  'serve.error.noSecretMany': 'no secret for these accounts:\n{lines}',
  'serve.error.noSecretLine': '  "{label}" ({id}): set {names}, or add it to --secrets-file',
  'serve.error.or': ' or ',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'serve.file.token': '令牌文件',
  'serve.file.secrets': '密钥文件',
  'serve.error.port': '--port 必须是 0 到 65535 之间的整数，而不是 "{value}"',
  'serve.error.host': '--host 必须是地址或主机名，而不是 "{value}"',
  'serve.error.needsPath': '--{option} 需要一个文件路径',
  'serve.error.maxConnections': '--max-connections 必须是 1 到 10000 之间的整数，而不是 "{value}"',
  'serve.error.concurrency': '--concurrency 必须是 1 到 256 之间的整数，而不是 "{value}"',
  'serve.error.logLevel': '--log-level 必须是 info、warn 或 error，而不是 "{value}"',
  'serve.error.exposed':
    '拒绝在 {host} 上无 --token-file 监听：任何能访问该端口的人都能读取余额。请提供 --token-file FILE；如果只有受信任的机器能访问该端口，可改用 --allow-unauthenticated',
  'serve.error.unreadable': '无法读取{what} {file}：{code}',
  'serve.error.mode': '{what} {file} 的权限是 {mode}：其他用户可以读取它。请运行：chmod 600 {file}',
  'serve.error.secretsNotJson': '密钥文件 {file} 不是有效的 JSON',
  'serve.error.secretsNotObject': '密钥文件 {file} 必须是“名称 → 密钥”的 JSON 对象',
  'serve.error.secretsValue': '密钥文件 {file}："{name}" 的值必须是非空字符串',
  'serve.error.secretsLine': '密钥文件 {file} 第 {line} 行：格式应为 <ID 或名称>=<密钥>',
  'serve.error.readOnly': '无界面服务的密钥是只读的：请修改环境变量或密钥文件',
  'serve.error.tokenLine': '令牌文件 {file} 必须只在一行中包含一个令牌',
  'serve.error.listen': '无法在 {host}:{port} 上监听：{reason}',
  'serve.error.noAccounts': '没有要监视的账户：请用 `eiot-balance accounts add` 添加（使用相同的 EIOT_BALANCE_HOME）',
  'serve.error.noSecretOne': '此账户没有密钥：\n{lines}',
  'serve.error.noSecretMany': '这些账户没有密钥：\n{lines}',
  'serve.error.noSecretLine': '  "{label}" ({id})：请设置 {names}，或将其加入 --secrets-file',
  'serve.error.or': ' 或 ',
} as const;
