/** Strings of the desktop shell around the window: app menu, start-up problems. Keys 'shell.'. */
export const en = {
  'shell.menu.edit': 'Edit',
  'shell.menu.window': 'Window',
  'shell.menu.view': 'View',
  'shell.menu.closeWindow': 'Close Window',
  'shell.menu.hideKeepWatching': 'Close Window (keeps watching in the menu bar)',
  'shell.menu.openLogFolder': 'Open log folder',
  'shell.notice.stillWatching.title': 'EIOT Balance is still watching',
  'shell.notice.stillWatching.body':
    'Closing the window does not stop the balance checks. To stop them, choose Quit in the EIOT Balance menu-bar menu.',
  'shell.startFailed.title': 'EIOT Balance could not start',
  'shell.startFailed.body': '{cause}\n\nDetails are in the log file:\n{logPath}',
  'shell.problem.no-tray':
    'No tray icon can be shown: this desktop has no StatusNotifier host. Keep this window open to see your balance, or install one: on GNOME the "AppIndicator and KStatusNotifierItem Support" extension (Debian/Ubuntu: apt install gnome-shell-extension-appindicator), then log out and back in.',
  'shell.problem.no-keychain-support':
    'This build has no keychain support: its keytar module could not be loaded, so secrets are kept only until the app quits. To fix it, reinstall EIOT Balance from a release installer, or when running from source install the build packages (Debian/Ubuntu: apt install libsecret-1-dev python3 make g++) and run npm ci again.',
  'shell.keychain.noSupport':
    'This build has no keychain support: the keytar module is not installed or was not built, so no secret can be stored. To fix it, install the build packages (Debian/Ubuntu: apt install libsecret-1-dev python3 make g++) and run npm ci again (or npm rebuild keytar), or use a release installer.',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'shell.menu.edit': '编辑',
  'shell.menu.window': '窗口',
  'shell.menu.view': '显示',
  'shell.menu.closeWindow': '关闭窗口',
  'shell.menu.hideKeepWatching': '关闭窗口（菜单栏中继续监控）',
  'shell.menu.openLogFolder': '打开日志文件夹',
  'shell.notice.stillWatching.title': 'EIOT Balance 仍在监控',
  'shell.notice.stillWatching.body': '关闭窗口不会停止余额检查。要停止，请在菜单栏的 EIOT Balance 菜单中选择“退出”。',
  'shell.startFailed.title': 'EIOT Balance 无法启动',
  'shell.startFailed.body': '{cause}\n\n详细信息见日志文件：\n{logPath}',
  'shell.problem.no-tray':
    '无法显示托盘图标：此桌面没有 StatusNotifier 宿主。请保持此窗口打开以查看余额，或安装一个：GNOME 上安装 “AppIndicator and KStatusNotifierItem Support” 扩展（Debian/Ubuntu：apt install gnome-shell-extension-appindicator），然后注销并重新登录。',
  'shell.problem.no-keychain-support':
    '此版本没有钥匙串支持：无法加载 keytar 模块，因此密钥只保存到应用退出为止。解决方法：用发布的安装包重新安装 EIOT Balance；从源码运行时请安装构建软件包（Debian/Ubuntu：apt install libsecret-1-dev python3 make g++）后重新运行 npm ci。',
  'shell.keychain.noSupport':
    '此版本没有钥匙串支持：keytar 模块未安装或未构建，因此无法保存密钥。解决方法：安装构建软件包（Debian/Ubuntu：apt install libsecret-1-dev python3 make g++）后重新运行 npm ci（或 npm rebuild keytar），或使用发布的安装包。',
};
