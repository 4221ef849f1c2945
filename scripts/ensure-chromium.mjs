// Makes sure Debian's Chromium is installed for the end-to-end tests: Playwright drives it through
// `executablePath`, so no browser is ever downloaded. Installs the Debian package only when running as
// root; otherwise says what to run. Uses only Node built-ins on purpose.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Debian package → a file it installs. The emoji font lets screenshots show Klaxon's status emoji.
const packages = {
  chromium: '/usr/bin/chromium',
  'fonts-noto-color-emoji': '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf',
};

const missing = Object.keys(packages).filter((name) => !existsSync(packages[name]));
if (missing.length > 0) {
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    // Not fatal here (it runs before every `npm test`): the browser test itself fails with this hint.
    console.error(`[klaxon] missing for the end-to-end tests: run  sudo apt-get update && sudo ${command}`);
    process.exit(0);
  }
  console.error(`[klaxon] installing ${missing.join(', ')} (apt-get)…`);
  execSync(`apt-get update && ${command}`, { stdio: 'inherit' });
}
