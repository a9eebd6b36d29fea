/** Strings of the failure area: one actionable line per kind of failed balance check. Keys are prefixed 'failure.'. */
export const en = {
  'failure.api': 'The platform refused the request: {detail}',
  'failure.api.auth': 'The platform rejected the credentials: {detail}. Check the appkey and secret.',
  'failure.clock.one':
    "The platform refused the request's time ({detail}): your computer's clock is {minutes} minute off ({direction}). Set the clock right (turn on automatic time) and try again.",
  'failure.clock.other':
    "The platform refused the request's time ({detail}): your computer's clock is {minutes} minutes off ({direction}). Set the clock right (turn on automatic time) and try again.",
  'failure.clock.ahead': "ahead of the server's",
  'failure.clock.behind': "behind the server's",
  'failure.http': 'HTTP {status} from the server',
  'failure.http.clock.one':
    "HTTP {status} from the server, and your computer's clock is {minutes} minute off ({direction}): likely the reason, as the platform refuses a request whose time is off. Set the clock right (turn on automatic time) and try again.",
  'failure.http.clock.other':
    "HTTP {status} from the server, and your computer's clock is {minutes} minutes off ({direction}): likely the reason, as the platform refuses a request whose time is off. Set the clock right (turn on automatic time) and try again.",
  'failure.http.429': 'HTTP 429 from the server: too many requests',
  'failure.retry-after': '{text} (try again in {seconds} s)',
  'failure.network.timeout-connect': 'Timed out waiting for the server (connect)',
  'failure.network.timeout-headers': 'Timed out waiting for the server (no answer)',
  'failure.network.timeout-body': 'Timed out waiting for the server (answer stalled)',
  'failure.network.deadline': 'Timed out waiting for the server (overall time limit)',
  'failure.network.aborted': 'The check was cancelled',
  'failure.network.refused': 'The server refused the connection: is the base URL right?',
  'failure.network.reset': 'The connection was dropped before a complete answer',
  'failure.network.dns': 'The server name could not be found: check the base URL and your network',
  'failure.network.tls': 'The secure connection failed (TLS or certificate problem)',
  'failure.network.other': 'Network error: {message}',
  'failure.invalid.not-json': "The server's answer was not valid JSON",
  'failure.invalid.shape': "The server's answer did not have the expected fields",
  'failure.invalid.balance': "The balance in the server's answer is not a decimal amount",
  'failure.invalid.too-large': "The server's answer was too large (over 64 KiB)",
  'failure.invalid.empty': "The server's answer was empty",
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'failure.api': '平台拒绝了请求：{detail}',
  'failure.api.auth': '平台拒绝了凭据：{detail}。请检查 appkey 和密钥。',
  'failure.clock.one':
    '平台拒绝了请求的时间（{detail}）：您电脑的时钟偏差 {minutes} 分钟（{direction}）。请校准时钟（开启自动设置时间）后重试。',
  'failure.clock.other':
    '平台拒绝了请求的时间（{detail}）：您电脑的时钟偏差 {minutes} 分钟（{direction}）。请校准时钟（开启自动设置时间）后重试。',
  'failure.clock.ahead': '比服务器快',
  'failure.clock.behind': '比服务器慢',
  'failure.http': '服务器返回 HTTP {status}',
  'failure.http.clock.one':
    '服务器返回 HTTP {status}，而您电脑的时钟偏差 {minutes} 分钟（{direction}）：这很可能就是原因，平台会拒绝时间不对的请求。请校准时钟（开启自动设置时间）后重试。',
  'failure.http.clock.other':
    '服务器返回 HTTP {status}，而您电脑的时钟偏差 {minutes} 分钟（{direction}）：这很可能就是原因，平台会拒绝时间不对的请求。请校准时钟（开启自动设置时间）后重试。',
  'failure.http.429': '服务器返回 HTTP 429：请求过于频繁',
  'failure.retry-after': '{text}（{seconds} 秒后重试）',
  'failure.network.timeout-connect': '等待服务器超时（连接）',
  'failure.network.timeout-headers': '等待服务器超时（无应答）',
  'failure.network.timeout-body': '等待服务器超时（应答中断）',
  'failure.network.deadline': '等待服务器超时（超过总时限）',
  'failure.network.aborted': '查询已取消',
  'failure.network.refused': '服务器拒绝连接：请确认接口地址是否正确',
  'failure.network.reset': '连接在收到完整应答前断开',
  'failure.network.dns': '找不到服务器域名：请检查接口地址和网络',
  'failure.network.tls': '安全连接失败（TLS 或证书问题）',
  'failure.network.other': '网络错误：{message}',
  'failure.invalid.not-json': '服务器的应答不是有效的 JSON',
  'failure.invalid.shape': '服务器的应答缺少预期的字段',
  'failure.invalid.balance': '服务器应答中的余额不是有效的金额',
  'failure.invalid.too-large': '服务器的应答过大（超过 64 KiB）',
  'failure.invalid.empty': '服务器的应答为空',
};
