// Opens listlint's HTML link report in Debian's headless Chromium (driven by playwright-core) and
// prints what the test asserts, as JSON: console errors and warnings, page errors, every request
// that is not the file itself (there must be none: the page is self-contained), what is drawn,
// and whether the filter box works. Saves a full-page screenshot.
// Usage: node check_report.js REPORT.html SCREENSHOT.png   (PLAYWRIGHT_CORE: the module's path)
'use strict';
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

(async () => {
  const [report, shot] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const out = { console: [], pageErrors: [], requests: [] };
  const url = 'file://' + path.resolve(report);
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') out.console.push(m.type() + ': ' + m.text()); });
  page.on('pageerror', (e) => out.pageErrors.push(e.message));
  page.on('request', (r) => { if (r.url() !== url) out.requests.push(r.url()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
  out.title = await page.title();
  out.chartRects = await page.locator('#totals svg rect').count();
  out.legend = await page.locator('#totals .legend li').allInnerTexts();
  out.sections = await page.locator('#sections tbody tr').count();
  out.rows = {};
  for (const v of ['dead', 'redirected', 'unknown']) out.rows[v] = await page.locator(`table.links[data-verdict="${v}"] tbody tr`).count();
  await page.fill('#filter', 'status-404');
  out.visibleAfterFilter = await page.locator('table.links tbody tr:visible').count();
  out.shownText = await page.locator('#shown').innerText();
  await page.fill('#filter', '');
  out.visibleAfterClear = await page.locator('table.links tbody tr:visible').count();
  await page.screenshot({ path: shot, fullPage: true });
  await browser.close();
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
