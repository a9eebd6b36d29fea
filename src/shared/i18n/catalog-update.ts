/** Strings of the app's own updates: tray items, the notification, the window. Keys are prefixed 'update.'. */
export const en = {
  'update.menu.check': 'Check for Updates…',
  'update.menu.restart': 'Restart to Update ({version})',
  'update.menu.download': 'Download Version {version}…',
  'update.notification.readyTitle': 'Update ready',
  'update.notification.readyBody':
    'EIOT Balance {version} has been downloaded. It is installed when you quit, or now with "Restart to Update" in the tray menu.',
  'update.notification.manualTitle': 'New version available',
  'update.notification.manualBody':
    'EIOT Balance {version} is available. On this system updates are installed by hand: download it from the Releases page.',
  'update.status.idle': 'Updates have not been checked yet.',
  'update.status.checking': 'Checking for updates…',
  'update.status.upToDate': 'EIOT Balance {version} is up to date.',
  'update.status.available': 'Version {version} is available and is being downloaded.',
  'update.status.availableManual':
    'Version {version} is available. On this system updates are installed by hand: download it from the Releases page.',
  'update.status.downloaded':
    'Version {version} is ready. It is installed when you quit, or choose "Restart to Update" in the tray menu.',
  'update.status.failed': 'Could not check for updates: {reason}',
  'update.status.unsupported':
    'This copy of EIOT Balance was not installed from a release, so it does not update itself.',
  'update.reason.offline': 'this computer is offline.',
  'update.reason.network': 'the update server could not be reached.',
  'update.reason.feed': 'the update information on the server is damaged.',
  'update.reason.not-found': 'the latest release has no update for this system yet.',
  'update.reason.checksum': 'the downloaded file did not match its checksum and was discarded.',
  'update.reason.signature': 'the downloaded installer is not signed by the publisher of this app and was discarded.',
  'update.reason.other': 'an unexpected error occurred.',
  'update.settings.heading': 'Updates',
  'update.settings.autoUpdate': 'Check for updates automatically',
  'update.settings.autoUpdateHint':
    'Shortly after start and every 6 hours, not on battery. Only the release files are downloaded; nothing about your accounts is sent.',
  'update.settings.channel': 'Update channel',
  'update.settings.channelLatest': 'Stable',
  'update.settings.channelBeta': 'Beta (pre-release versions)',
  'update.settings.checkNow': 'Check now',
  'update.settings.download': 'Open the download page',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'update.menu.check': '检查更新…',
  'update.menu.restart': '重新启动以更新（{version}）',
  'update.menu.download': '下载版本 {version}…',
  'update.notification.readyTitle': '更新已就绪',
  'update.notification.readyBody':
    'EIOT 余额 {version} 已下载完毕。退出时自动安装，也可在托盘菜单中选择"重新启动以更新"立即安装。',
  'update.notification.manualTitle': '有新版本可用',
  'update.notification.manualBody': 'EIOT 余额 {version} 已发布。此系统上需手动安装更新：请从发布页面下载。',
  'update.status.idle': '尚未检查更新。',
  'update.status.checking': '正在检查更新…',
  'update.status.upToDate': 'EIOT 余额 {version} 已是最新版本。',
  'update.status.available': '版本 {version} 可用，正在下载。',
  'update.status.availableManual': '版本 {version} 可用。此系统上需手动安装更新：请从发布页面下载。',
  'update.status.downloaded': '版本 {version} 已就绪。退出时自动安装，或在托盘菜单中选择"重新启动以更新"。',
  'update.status.failed': '无法检查更新：{reason}',
  'update.status.unsupported': '此 EIOT 余额副本并非从发布版本安装，因此不会自动更新。',
  'update.reason.offline': '此电脑未联网。',
  'update.reason.network': '无法连接更新服务器。',
  'update.reason.feed': '服务器上的更新信息已损坏。',
  'update.reason.not-found': '最新发布版本中尚无适用于此系统的更新。',
  'update.reason.checksum': '下载的文件与校验和不符，已丢弃。',
  'update.reason.signature': '下载的安装程序并非由本应用的发布者签名，已丢弃。',
  'update.reason.other': '发生了意外错误。',
  'update.settings.heading': '更新',
  'update.settings.autoUpdate': '自动检查更新',
  'update.settings.autoUpdateHint':
    '启动后不久及每 6 小时检查一次，使用电池时不检查。只下载发布文件，不发送任何账户信息。',
  'update.settings.channel': '更新渠道',
  'update.settings.channelLatest': '稳定版',
  'update.settings.channelBeta': '测试版（预发布版本）',
  'update.settings.checkNow': '立即检查',
  'update.settings.download': '打开下载页面',
};
