/** Strings of the cli area. Keys are prefixed 'cli.'. */
export const en = {
  'cli.help.main': `eiot-balance: keep your EIOTCLUB agent balance in sight.

Usage: eiot-balance <command> [options]

Commands:
  check       read the balance now (one account by flags, or the stored accounts)
  accounts    add, list, edit or remove stored accounts, or replace a secret
              (secrets go to the system keychain)
  watch       poll the stored accounts and print every reading and alert until Ctrl-C
  history     show or export the recorded balances of an account
  simulate    run the built-in balance endpoint simulator
  demo        see the app work against the simulator, no account needed
  serve       expose the balances as Prometheus metrics over HTTP
  version     print the version

Options:
  --help, -h           help for eiot-balance or for a command (eiot-balance check --help)
  --version, -V, -v    print the version

The secret is read from EIOT_SECRET or, with --secret-stdin, from the first line of
standard input; never from an argument.`,
  'cli.help.check': `Usage:
  eiot-balance check --appkey KEY [--base-url URL] [--secret-stdin] [--json] [--timeout MS]
  eiot-balance check [--account ID|LABEL] [--json | --nagios]

The first form checks one account given by flags; the secret comes from EIOT_SECRET or,
with --secret-stdin, from the first line of standard input. --base-url defaults to
https://oapi.eiotclub.com (plain http:// only for this computer).
The second form checks the stored accounts (all enabled ones without --account); their
secrets come from the system keychain. Each reading is added to the account's history
and shown with its state (OK, Low, Critical).

  --json        one JSON object per account (JSON Lines)
  --nagios      one line in the Nagios/Icinga plugin format with perfdata
                (EIOT BALANCE OK|WARNING|CRITICAL|UNKNOWN - ...), stored accounts only
  --timeout MS  give up after MS milliseconds (default 10000 per phase)

Exit status: 0 ok; 1 the API answered a failure code; 2 usage or configuration error;
3 network, HTTP or invalid answer. With several accounts the highest status wins.
With --nagios: 0 OK, 1 WARNING (low), 2 CRITICAL, 3 UNKNOWN (no reading).`,
  'cli.help.simulate': `Usage: eiot-balance simulate [--port N] [--host H] [--appkey K] [--secret S]
                             [--balance X] [--currency C] [--scenario NAME]
                             [--clock-skew MIN]

Runs the balance endpoint simulator in the foreground until Ctrl-C and prints
"listening <port>" once it accepts requests (port 0, the default, picks a free one).
Its appkey and secret are test data (default sim-appkey / sim-secret), so they may be
given as arguments. --balance sets a fixed starting balance such as 1234.56.
--clock-skew MIN runs its clock MIN minutes off this computer's (-12: 12 minutes behind),
so requests fall outside its 5-minute timestamp window as with a wrong clock.
Scenarios: {scenarios} (default steady).`,
  'cli.help.demo': `Usage: eiot-balance demo

Starts the simulator with generated credentials and a falling balance (with a top-up),
and runs the app's engine against it, printing each reading and alert every few seconds
until Ctrl-C. Nothing is stored.`,
  'cli.help.accounts': `Usage:
  eiot-balance accounts add --label L --appkey K --secret-stdin [--base-url U]
                            [--low X] [--critical Y] [--interval S] [--no-verify]
  eiot-balance accounts list [--json]
  eiot-balance accounts edit ID|LABEL [--label L] [--appkey K] [--base-url U]
                            [--low X] [--critical Y] [--interval S] [--enable | --disable]
  eiot-balance accounts set-secret ID|LABEL --secret-stdin
  eiot-balance accounts remove ID|LABEL

add reads the secret (--secret-stdin: typed at a prompt with echo off, or the first line
of standard input; otherwise EIOT_SECRET), checks it with one signed call, keeps it in the
system keychain, prints the new account's id and suggests thresholds from the balance it
read. --no-verify stores it without that call. --low and --critical are amounts in the
account's currency; --interval is the poll interval in seconds (60..86400, default 300).
edit changes settings and set-secret replaces the secret; both keep the history and alert
state, and edit needs no keychain. remove also deletes the keychain entry and history.`,
  'cli.help.watch': `Usage: eiot-balance watch [--json]

Polls the stored accounts like the tray app does and prints each reading and each alert as
it happens (JSON Lines with --json) until Ctrl-C.`,
  'cli.help.history': `Usage: eiot-balance history [--account ID|LABEL] [--csv]

Shows the recorded balances (equal readings in a row are one line). --csv prints RFC 4180
CSV with UTC timestamps instead; it needs --account when there are several accounts.`,
  'cli.help.serve': `Usage: eiot-balance serve [--port 9464] [--host 127.0.0.1] [--token-file F]
                         [--secrets-file F] [--max-connections 64] [--concurrency 8]
                         [--log-level info] [--allow-unauthenticated]

Polls the stored accounts (same EIOT_BALANCE_HOME as "accounts add") headless and serves
their balances over HTTP until Ctrl-C or SIGTERM.

Endpoints (GET only):
  /metrics      Prometheus metrics
  /api/status   JSON state of each account (no appkey, base URL or secret)
  /healthz      "ok" while running; never needs the token

Secrets, first found wins, for each enabled account (serve refuses to start without one):
  1. environment EIOT_SECRET_<ID> or EIOT_SECRET_<LABEL>: upper case, every run of other
     characters becomes "_" ("Shop EU-2" -> EIOT_SECRET_SHOP_EU_2); a name that fits two
     accounts is refused
  2. --secrets-file F: JSON {"<id or label>": "<secret>"} or lines <id or label>=<secret>
  3. the system keychain, if one runs

Options:
  --port N                  port to listen on (default 9464; 0 picks a free one)
  --host H                  address to listen on (default 127.0.0.1)
  --token-file F            file holding one token; then every endpoint except /healthz
                            needs "Authorization: Bearer <token>"
  --secrets-file F          secrets file as above
  --max-connections N       open connections at once (1..10000, default 64)
  --concurrency N           balance requests in flight at once, across all accounts
                            (1..256, default 8); first polls are spread over the interval
  --log-level L             info (default), warn (failures and alerts only) or error
  --allow-unauthenticated   listen beyond loopback without a token: only when just
                            trusted machines can reach the port

A --host other than loopback without --token-file is refused (exit 2). Without a token,
requests must name localhost, 127.0.0.1, [::1] or --host in their Host header. Token and
secrets files must not be readable by other users (chmod 600).

Logs: one JSON object per line (pino) on stderr: "event" is poll-failed, poll-recovered,
state-change, notice, secret-name-ambiguous, listening or stopping; never a secret. A failure that repeats is
logged on the 1st, 2nd, 4th, 8th... failure in a row.`,

  'cli.error.unknownCommand': 'Unknown command "{command}". Run "eiot-balance --help" to see the commands.',
  'cli.error.arguments': '{detail} See "eiot-balance {command} --help".',
  'cli.error.unknownOption': 'Unknown option {option}.',
  'cli.error.optionValue': 'Option {option} needs a value.',
  'cli.error.optionNoValue': 'Option {option} takes no value.',
  'cli.error.unexpectedArgument': 'Unexpected argument "{argument}". See "eiot-balance {command} --help".',
  'cli.error.missingArgument': 'Missing {what}. See "eiot-balance {command} --help".',
  'cli.error.secretFlag':
    'The secret is never accepted as a command-line argument: other users can see it in the process list and it stays in your shell history. Set EIOT_SECRET, or pass --secret-stdin and write the secret on standard input.',
  'cli.error.missingAppkey': 'Missing --appkey: the appkey of your EIOTCLUB account.',
  'cli.error.missingSecret':
    'Missing secret: set EIOT_SECRET, or pass --secret-stdin and write the secret on standard input.',
  'cli.error.baseUrl': 'Cannot use --base-url: {reason}',
  'cli.error.number': '{option} must be a whole number from {min} to {max}.',
  'cli.error.modeConflict': '--account and --nagios cannot be combined with --appkey, --base-url or --secret-stdin.',
  'cli.error.noAccounts':
    'No stored accounts. Add one with "eiot-balance accounts add", or check one directly with --appkey.',
  'cli.error.unknownAccount': 'No account has the id or label "{account}".',
  'cli.error.field': '{field}: {message}',
  'cli.error.csvNeedsAccount': '--csv needs --account when there are several accounts.',
  'cli.error.scenario': 'Unknown scenario "{scenario}". Choose one of: {scenarios}.',
  'cli.error.amount': '{option} must be an amount such as 100 or 99.50.',
  'cli.error.internal': 'Unexpected error: {detail}',

  'cli.reading': '{label}: {money} (fetched {time})',
  'cli.readingSingle': '{money} (fetched {time})',
  'cli.failure': '{label}: {reason}',
  'cli.notice': '** {title}. {body}',

  'cli.simulate.ready': 'Simulator at {url} (appkey {appkey}, secret {secret}). Ctrl-C to stop.',
  'cli.demo.intro':
    'Demo: the engine polls a simulated account at {url} every {seconds} seconds. The balance falls: the low alert ({low}) comes after about {lowSeconds} s, the critical one ({critical}) after about {criticalSeconds} s, then a top-up. Ctrl-C to stop.',
  'cli.demo.label': 'Demo account',
  'cli.watch.started': 'Watching {count} account(s). Ctrl-C to stop.',

  'cli.accounts.none': 'No accounts yet. Add one with "eiot-balance accounts add".',
  'cli.accounts.row': '{id}  {label}  appkey {appkey}  {baseUrl}  every {interval} s  {secret}{disabled}',
  'cli.accounts.hasSecret': 'secret in keychain',
  'cli.accounts.noSecret': 'NO SECRET',
  'cli.accounts.disabled': '  (disabled)',
  'cli.accounts.removed': 'Removed {label} ({id}).',

  'cli.history.header': '{label}:',
  'cli.history.none': '{label}: no readings recorded yet.',
  'cli.history.setAside': '{label}: the history file could not be read and was moved to {path}.',
  'cli.history.row': '  {from} .. {to}  {money}{topUp}',
  'cli.history.topUp': '  (top-up)',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'cli.help.main': `eiot-balance：随时掌握 EIOTCLUB 代理账户余额。

用法：eiot-balance <命令> [选项]

命令：
  check       立即查询余额（通过参数指定一个账户，或查询已保存的账户）
  accounts    添加、列出、修改或删除已保存的账户，或更换密钥
              （密钥保存在系统钥匙串中）
  watch       轮询已保存的账户，输出每次读数和提醒，直到按 Ctrl-C
  history     显示或导出某账户记录的余额
  simulate    运行内置的余额接口模拟器
  demo        使用模拟器演示本应用，无需账户
  serve       通过 HTTP 以 Prometheus 指标提供余额
  version     显示版本

选项：
  --help, -h           显示 eiot-balance 或某个命令的帮助（eiot-balance check --help）
  --version, -V, -v    显示版本

密钥从环境变量 EIOT_SECRET 读取，或使用 --secret-stdin 从标准输入的第一行读取；
绝不从命令行参数读取。`,
  'cli.help.check': `用法：
  eiot-balance check --appkey KEY [--base-url URL] [--secret-stdin] [--json] [--timeout MS]
  eiot-balance check [--account ID|名称] [--json | --nagios]

第一种用法查询由参数指定的账户；密钥来自 EIOT_SECRET，或使用 --secret-stdin 从标准输入
的第一行读取。--base-url 默认为 https://oapi.eiotclub.com（仅本机可使用 http://）。
第二种用法查询已保存的账户（不带 --account 时查询所有已启用的账户），密钥来自系统钥匙串。
每次读数都会记入该账户的历史，并显示其状态（正常、偏低、紧急）。

  --json        每个账户输出一个 JSON 对象（JSON Lines）
  --nagios      以 Nagios/Icinga 插件格式输出一行，含性能数据
                （EIOT BALANCE OK|WARNING|CRITICAL|UNKNOWN - ...），仅用于已保存的账户
  --timeout MS  超过 MS 毫秒即放弃（默认每个阶段 10000）

退出状态：0 成功；1 接口返回失败代码；2 用法或配置错误；3 网络、HTTP 或无效应答。
查询多个账户时取最大的状态值。
使用 --nagios 时：0 OK，1 WARNING（偏低），2 CRITICAL（紧急），3 UNKNOWN（无读数）。`,
  'cli.help.simulate': `用法：eiot-balance simulate [--port N] [--host H] [--appkey K] [--secret S]
                             [--balance X] [--currency C] [--scenario 名称]
                             [--clock-skew 分钟]

在前台运行余额接口模拟器，直到按 Ctrl-C；开始接受请求时输出 "listening <端口>"
（默认端口 0 表示自动选择空闲端口）。其 appkey 和密钥仅为测试数据（默认 sim-appkey /
sim-secret），因此可以作为参数传入。--balance 设置起始余额，例如 1234.56。
--clock-skew 分钟 让模拟器的时钟与本机相差指定分钟数（-12 表示慢 12 分钟），超出其 5 分钟的
时间戳窗口时，请求会像时钟不准时一样被拒绝。
场景：{scenarios}（默认 steady）。`,
  'cli.help.demo': `用法：eiot-balance demo

使用随机生成的凭据和不断下降（中途有一次充值）的余额启动模拟器，并让本应用的引擎
对其轮询，每隔几秒输出读数和提醒，直到按 Ctrl-C。不会保存任何内容。`,
  'cli.help.accounts': `用法：
  eiot-balance accounts add --label 名称 --appkey K --secret-stdin [--base-url U]
                            [--low X] [--critical Y] [--interval S] [--no-verify]
  eiot-balance accounts list [--json]
  eiot-balance accounts edit ID|名称 [--label 名称] [--appkey K] [--base-url U]
                            [--low X] [--critical Y] [--interval S] [--enable | --disable]
  eiot-balance accounts set-secret ID|名称 --secret-stdin
  eiot-balance accounts remove ID|名称

add 读取密钥（--secret-stdin：在不回显的提示下输入，或读取标准输入的第一行；否则读取
EIOT_SECRET），先用一次签名请求验证，再保存到系统钥匙串，输出新账户的 ID，并根据读到的
余额建议提醒阈值。--no-verify 跳过验证直接保存。--low 和 --critical 是以账户币种计的金额；
--interval 是轮询间隔秒数（60..86400，默认 300）。
edit 修改设置，set-secret 更换密钥；两者都保留历史记录和提醒状态，edit 不需要钥匙串。
remove 同时删除该账户的钥匙串条目和历史记录。`,
  'cli.help.watch': `用法：eiot-balance watch [--json]

像托盘应用一样轮询已保存的账户，实时输出每次读数和提醒（使用 --json 时为 JSON Lines），
直到按 Ctrl-C。`,
  'cli.help.history': `用法：eiot-balance history [--account ID|名称] [--csv]

显示记录的余额（连续相同的读数合并为一行）。--csv 改为输出 RFC 4180 CSV（UTC 时间）；
有多个账户时需要同时指定 --account。`,
  'cli.help.serve': `用法：eiot-balance serve [--port 9464] [--host 127.0.0.1] [--token-file F]
                         [--secrets-file F] [--max-connections 64] [--concurrency 8]
                         [--log-level info] [--allow-unauthenticated]

在后台轮询已保存的账户（与 "accounts add" 使用相同的 EIOT_BALANCE_HOME），并通过 HTTP
提供余额，直到按 Ctrl-C 或收到 SIGTERM。

接口（仅 GET）：
  /metrics      Prometheus 指标
  /api/status   各账户状态的 JSON（不含 appkey、基础 URL 或密钥）
  /healthz      运行中返回 "ok"；无需令牌

密钥按以下顺序查找，每个已启用的账户都必须有密钥，否则 serve 拒绝启动：
  1. 环境变量 EIOT_SECRET_<ID> 或 EIOT_SECRET_<名称>：转为大写，其他字符的每一段变为 "_"
     （"Shop EU-2" -> EIOT_SECRET_SHOP_EU_2）；同一变量名对应两个账户时拒绝启动
  2. --secrets-file F：JSON {"<ID 或名称>": "<密钥>"}，或每行 <ID 或名称>=<密钥>
  3. 系统钥匙串（如有）

选项：
  --port N                  监听端口（默认 9464；0 表示自动选择空闲端口）
  --host H                  监听地址（默认 127.0.0.1）
  --token-file F            保存一个令牌的文件；指定后除 /healthz 外的所有接口都需要
                            "Authorization: Bearer <令牌>"
  --secrets-file F          上述密钥文件
  --max-connections N       同时打开的连接数上限（1..10000，默认 64）
  --concurrency N           所有账户同时进行的余额请求数上限（1..256，默认 8）；
                            首次查询分散在轮询间隔内
  --log-level L             info（默认）、warn（仅失败和警报）或 error
  --allow-unauthenticated   不使用令牌监听非回环地址：仅当只有可信机器能访问该端口时使用

在非回环地址上监听而未指定 --token-file 时拒绝启动（退出状态 2）。没有令牌时，请求的 Host
必须是 localhost、127.0.0.1、[::1] 或 --host 指定的地址。令牌文件和密钥文件不得允许其他
用户读取（chmod 600）。

日志：在标准错误输出中每行一个 JSON 对象（pino）："event" 为 poll-failed、poll-recovered、
state-change、notice、secret-name-ambiguous、listening 或 stopping；绝不包含密钥。重复出现的同一失败只在连续第
1、2、4、8……次时记录。`,

  'cli.error.unknownCommand': '未知命令 "{command}"。运行 "eiot-balance --help" 查看命令列表。',
  'cli.error.arguments': '{detail} 参见 "eiot-balance {command} --help"。',
  'cli.error.unknownOption': '未知选项 {option}。',
  'cli.error.optionValue': '选项 {option} 需要一个值。',
  'cli.error.optionNoValue': '选项 {option} 不接受值。',
  'cli.error.unexpectedArgument': '多余的参数 "{argument}"。参见 "eiot-balance {command} --help"。',
  'cli.error.missingArgument': '缺少{what}。参见 "eiot-balance {command} --help"。',
  'cli.error.secretFlag':
    '密钥绝不通过命令行参数传入：其他用户可在进程列表中看到它，而且会留在 shell 历史中。请设置 EIOT_SECRET，或使用 --secret-stdin 并在标准输入中写入密钥。',
  'cli.error.missingAppkey': '缺少 --appkey：您的 EIOTCLUB 账户的 appkey。',
  'cli.error.missingSecret': '缺少密钥：请设置 EIOT_SECRET，或使用 --secret-stdin 并在标准输入中写入密钥。',
  'cli.error.baseUrl': '无法使用 --base-url：{reason}',
  'cli.error.number': '{option} 必须是 {min} 到 {max} 之间的整数。',
  'cli.error.modeConflict': '--account 和 --nagios 不能与 --appkey、--base-url 或 --secret-stdin 同时使用。',
  'cli.error.noAccounts': '没有已保存的账户。请用 "eiot-balance accounts add" 添加，或用 --appkey 直接查询。',
  'cli.error.unknownAccount': '没有 ID 或名称为 "{account}" 的账户。',
  'cli.error.field': '{field}：{message}',
  'cli.error.csvNeedsAccount': '有多个账户时，--csv 需要同时指定 --account。',
  'cli.error.scenario': '未知场景 "{scenario}"。可选：{scenarios}。',
  'cli.error.amount': '{option} 必须是金额，例如 100 或 99.50。',
  'cli.error.internal': '意外错误：{detail}',

  'cli.reading': '{label}：{money}（查询于 {time}）',
  'cli.readingSingle': '{money}（查询于 {time}）',
  'cli.failure': '{label}：{reason}',
  'cli.notice': '** {title}。{body}',

  'cli.simulate.ready': '模拟器地址 {url}（appkey {appkey}，密钥 {secret}）。按 Ctrl-C 停止。',
  'cli.demo.intro':
    '演示：引擎每 {seconds} 秒轮询位于 {url} 的模拟账户。余额不断下降：约 {lowSeconds} 秒后出现余额偏低提醒（{low}），约 {criticalSeconds} 秒后出现紧急提醒（{critical}），随后会有一次充值。按 Ctrl-C 停止。',
  'cli.demo.label': '演示账户',
  'cli.watch.started': '正在监视 {count} 个账户。按 Ctrl-C 停止。',

  'cli.accounts.none': '还没有账户。请用 "eiot-balance accounts add" 添加。',
  'cli.accounts.row': '{id}  {label}  appkey {appkey}  {baseUrl}  每 {interval} 秒  {secret}{disabled}',
  'cli.accounts.hasSecret': '密钥在钥匙串中',
  'cli.accounts.noSecret': '没有密钥',
  'cli.accounts.disabled': '（已停用）',
  'cli.accounts.removed': '已删除 {label}（{id}）。',

  'cli.history.header': '{label}：',
  'cli.history.none': '{label}：尚无记录。',
  'cli.history.setAside': '{label}：无法读取历史记录文件，已将其移至 {path}。',
  'cli.history.row': '  {from} .. {to}  {money}{topUp}',
  'cli.history.topUp': '（充值）',
};
