// Before `npm test`: the browser tests drive Debian's headless Chromium at
// /usr/bin/chromium (or CHROMIUM_PATH). When it is missing it is installed,
// if this user may (root, with apt-get); otherwise the tests stop at once with
// one message saying what to install, instead of failing one by one.
const fs = require('fs');
const { execSync } = require('child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function hasAptGet() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

if (!fs.existsSync(CHROMIUM)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`浏览器测试需要 Chromium，但 CHROMIUM_PATH=${CHROMIUM} 不存在：请改正 CHROMIUM_PATH，或去掉它以使用 /usr/bin/chromium。`);
    process.exit(1);
  }
  if (process.getuid?.() === 0 && hasAptGet()) {
    console.log('浏览器测试需要 Chromium，正在安装 Debian 的 chromium 软件包…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit', env, shell: '/bin/sh' });
  } else {
    console.error(
      '浏览器测试需要 Chromium，未找到 /usr/bin/chromium。请先安装：sudo apt-get install chromium（Debian/Ubuntu），' +
        '或设置 CHROMIUM_PATH 为 Chromium 可执行文件的路径，再运行 npm test。',
    );
    process.exit(1);
  }
}
