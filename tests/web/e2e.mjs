// End-to-end test of lectern serve's page in a real browser: Debian's
// headless Chromium driven by playwright-core.
//
//   node e2e.mjs --lectern BUILD/lectern --source REPO --screenshots DIR
//
// Builds a temporary index from samples/, starts `lectern serve` on a free
// loopback port, then, in the browser: searches, filters, pages through
// results, opens a briefing and an exchange link, reads the archive
// dashboard, draws a trend (when the server has /api/trend), reads the
// talking points and a point's timeline, sees a bad query's error, and
// checks a phone-width layout. A second ingest
// (tests/fixtures) while the server runs must show up without a restart;
// the server must leave the index as it found it and stop on SIGTERM.
// Screenshots are saved in DIR. Exits 1 on the first failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ''), a[i + 1]]]), []));
const lectern = args.lectern, source = args.source || join(here, '../..');
const shots = args.screenshots || join(here, 'screenshots');
if (!lectern) { console.error('usage: e2e.mjs --lectern PATH [--source DIR] [--screenshots DIR]'); process.exit(2); }

let chromium;
try {
  chromium = createRequire(join(here, 'package.json'))('playwright-core').chromium;
} catch {
  console.error('e2e: playwright-core is not installed in tests/web (run scripts/setup.sh, or npm ci in tests/web)');
  process.exit(1);
}
const browserPath = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!browserPath) { console.error('e2e: Debian chromium is not installed (run scripts/setup.sh)'); process.exit(1); }

let passed = 0;
function ok(cond, what) {
  if (!cond) throw new Error('FAILED: ' + what);
  passed++;
  console.log('ok ' + passed + ' - ' + what);
}

function snapshot(dir) {  // file -> size:mtime, to prove the server wrote nothing
  return readdirSync(dir).sort().map((f) => { const s = statSync(join(dir, f)); return `${f}:${s.size}:${s.mtimeMs}`; }).join('\n');
}

function ingest(index, paths) {
  const r = spawnSync(lectern, ['ingest', '--quiet', '--index', index, ...paths], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error('ingest failed: ' + r.stderr);
}

const tmp = mkdtempSync(join(tmpdir(), 'lectern-e2e-'));
const index = join(tmp, 'index');
mkdirSync(shots, { recursive: true });
let server, browser;
const cleanup = () => { try { server && server.kill('SIGKILL'); } catch {} rmSync(tmp, { recursive: true, force: true }); };

try {
  ingest(index, [join(source, 'samples')]);

  server = spawn(lectern, ['serve', '--index', index, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 30000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', () => reject(new Error('server exited: ' + out)));
  });
  ok(true, `lectern serve listens on ${base} (loopback)`);
  const before = snapshot(index);

  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  const ready = (view) => page.waitForSelector(`#view[data-ready="${view}"]`);
  const go = async (hash, view) => {
    await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
    const target = base + '/' + hash;
    if (page.url() === target) await page.reload(); else await page.goto(target);
    await ready(view);
  };

  // Search from the box, with Enter.
  await page.goto(base + '/');
  await ready('search');
  ok(await page.locator('#q').isVisible(), 'the search box is shown on the front page');
  ok(await page.getAttribute('#q', 'id') === 'q' && await page.locator('label[for=q]').count() === 1, 'the search box has a label');
  await page.fill('#q', 'China');
  await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
  await page.press('#q', 'Enter');
  await ready('search');
  await page.waitForSelector('#count');
  const count = await page.textContent('#count');
  ok(/\d+ turns? in \d+ briefings?/.test(count), `the result count is shown ("${count.trim()}")`);
  ok(page.url().includes('#/search?q=China'), 'the search is in the URL');
  ok(await page.locator('.hit').count() > 0, 'results are listed');
  ok(await page.locator('.hit mark').count() > 0, 'matched words are highlighted');
  ok(await page.locator('.hit .turn.question .outlet, .hit .turn.question .muted').count() > 0, 'questions show their outlet');
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });

  // Paging: a common word, page 2 and back.
  await go('#/search?q=the', 'search');
  const total = Number((await page.textContent('#count strong')).replace(/,/g, ''));
  ok(total > 10, `a common word has more than one page (${total} turns)`);
  const firstOnPage1 = await page.textContent('.hit .hit-head a');
  await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
  await page.click('a[rel=next]');
  await ready('search');
  ok(page.url().includes('page=2'), 'Next goes to page 2, in the URL');
  ok((await page.textContent('#count')).includes('showing 11–'), 'page 2 shows results 11 on');
  ok(await page.locator('a[rel=prev]').count() === 1, 'page 2 has a Previous link');
  await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
  await page.click('a[rel=prev]');
  await ready('search');
  ok(await page.textContent('.hit .hit-head a') === firstOnPage1, 'Previous returns to the first page');

  // Filters: role, then language; each narrows the results and is in the URL.
  await go('#/search?q=China', 'search');
  await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
  await page.selectOption('#f-role', 'answer');
  await ready('search');
  ok(page.url().includes('role=answer'), 'the role filter is in the URL');
  const matchedRoles = await page.locator('.hit .turn.matched').evaluateAll((els) => els.map((e) => e.className));
  ok(matchedRoles.length > 0 && matchedRoles.every((c) => c.includes('answer')), 'the role filter keeps answers only');
  await go('#/search?q=China&outlet=AFP', 'search');
  const outlets = await page.locator('.hit .turn.matched .outlet').allTextContents();
  ok(outlets.length > 0 && outlets.every((o) => o === 'AFP'), 'the outlet filter keeps that outlet\'s questions');
  await go('#/search?q=China&from=2020-01-01&to=2020-12-31', 'search');
  const dates = await page.locator('.hit time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
  ok(dates.length > 0 && dates.every((d) => d >= '2020-01-01' && d <= '2020-12-31'), 'the date filter keeps that range');

  // A bad query: the message and where it went wrong, no crash.
  await go('#/search?q=%22unclosed', 'search');
  ok((await page.textContent('.error')).includes('unclosed quote'), 'a malformed query shows the parser\'s message');
  ok((await page.textContent('.error pre')).includes('^'), 'and points at the column');

  // Open a briefing from a result, then an exchange's own link.
  await go('#/search?q=visas', 'search');
  await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
  await page.click('.hit .hit-head a');
  await ready('briefing');
  ok(page.url().includes('#/briefing/mfa-china-en-2020-09-07'), 'a result opens its briefing');
  ok((await page.textContent('h1')).includes('Zhao Lijian'), 'the reader shows the title');
  ok(await page.locator('.reader .turn.hl').count() === 1, 'the matched turn is marked in the reader');
  ok(await page.locator('.reader .turn.question').count() > 0 && await page.locator('.reader .turn.answer').count() > 0, 'questions and answers are styled by role');
  ok(await page.locator('.reader .outlet').count() > 0, 'outlets are marked');
  ok((await page.textContent('.facts')).includes('Source'), 'the source is shown');
  await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
  await page.click('.exchange .anchor >> nth=1');
  await ready('briefing');
  ok(page.url().endsWith('?exchange=2'), 'an exchange has a link of its own');
  ok(await page.locator('#x2.target').count() === 1, 'the linked exchange is marked');
  await page.screenshot({ path: join(shots, 'briefing.png'), fullPage: true });
  await page.reload();
  await ready('briefing');
  ok(await page.locator('#x2.target').count() === 1, 'reloading the URL reproduces the view');
  await go('#/briefing/no-such-briefing', 'briefing');
  ok((await page.textContent('h1')).includes('not found'), 'an unknown briefing says so');

  // The archive dashboard.
  await go('#/dashboard', 'dashboard');
  ok(await page.locator('svg.chart rect.col').count() > 0, 'briefings per month are charted');
  ok(await page.locator('.bars li').count() > 0, 'top outlets and spokespersons are listed');
  await page.hover('svg.chart rect.col >> nth=0');
  ok(await page.locator('.tooltip').isVisible(), 'hovering a column shows its value');
  await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });

  // A trend, when the server has the API.
  const trendStatus = await page.evaluate(async () => (await fetch('/api/trend?q=China')).status);
  if (trendStatus === 404) {
    console.log('# skip: /api/trend is not in this server yet');
  } else {
    await go('#/trend?q=China&q=visas&by=year', 'trend');
    ok(await page.locator('svg.chart polyline').count() >= 2, 'a trend of two phrases is drawn');
    await page.hover('svg.chart circle >> nth=0');
    ok(await page.locator('.tooltip').isVisible(), 'hovering a point shows its value');
    await page.screenshot({ path: join(shots, 'trend.png'), fullPage: true });
  }

  // The concordance: every use in context, each linked to its briefing.
  await go('#/kwic?q=China', 'kwic');
  ok(await page.locator('table.kwic tbody tr').count() > 1, 'the concordance lists uses in context');
  ok(await page.locator('table.kwic .kw mark').first().textContent().then((t) => /china/i.test(t)), 'the keyword is centred and marked');
  await page.screenshot({ path: join(shots, 'kwic.png'), fullPage: true });

  // A briefing ingested while the server runs shows up without a restart.
  await go('#/search?q=Chengdu+consulate&outlet=Reuters', 'search');
  const beforeIngest = await page.textContent('#count');
  ok(snapshot(index) === before, 'serving changed nothing in the index directory');
  ingest(index, [join(source, 'tests/fixtures/mfa-en'), join(source, 'tests/fixtures/mfa-zh')]);
  await go('#/search?q=Chengdu+consulate&outlet=Reuters', 'search');
  const afterIngest = await page.textContent('#count');
  ok(/^0 turns/.test(beforeIngest.trim()) && !/^0 turns/.test(afterIngest.trim()),
    `a later ingest is picked up: the Reuters question on the Chengdu consulate is found (${afterIngest.trim()})`);

  // Talking points over samples + fixtures: the list, the selected point's
  // timeline and its uses in context. Passages need 3 briefings by default;
  // when these have none the view must say so and offer 2.
  await go('#/talking-points', 'talking-points');
  if (await page.locator('.tp-list li').count() === 0) {
    ok(await page.locator('.notice.empty').isVisible(), 'no talking points at 3 briefings: the empty state says so');
    await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
    await page.click('.notice.empty a');
    await ready('talking-points');
    ok(page.url().includes('min_briefings=2'), 'the empty state links to passages used in 2 briefings');
  } else {
    await go('#/talking-points?min_briefings=2', 'talking-points');
  }
  ok(await page.locator('.tp-list li').count() > 0, 'talking points used in 2 briefings are listed');
  ok(await page.locator('svg.tp-timeline circle').count() > 0, 'the selected point has a timeline with a mark per spokesperson and period');
  await page.hover('svg.tp-timeline circle >> nth=0');
  ok(/\d+ uses?/.test(await page.locator('.tooltip').textContent()), 'hovering a timeline mark shows its count');
  ok(await page.locator('.tp-uses li').count() >= 2 && await page.locator('.tp-uses .tp-context mark').count() > 0,
    'its uses are shown in context, the passage marked');
  await page.screenshot({ path: join(shots, 'talking-points.png'), fullPage: true });
  const tpCount = await page.locator('.tp-list li').count();
  if (tpCount > 1) {
    // Choosing another point from the keyboard puts its id in the URL and keeps focus on it.
    await page.evaluate(() => { delete document.getElementById('view').dataset.ready; });
    await page.focus('.tp-list li:nth-child(2) a');
    await page.keyboard.press('Enter');
    await ready('talking-points');
    ok(/[?&]id=tp-[0-9a-f]+/.test(page.url()), 'the chosen point is in the URL');
    ok(await page.evaluate(() => document.activeElement.getAttribute('aria-current') === 'true'), 'focus stays on the chosen point');
  }
  const useHref = await page.getAttribute('.tp-uses .tp-where a >> nth=0', 'href');
  await go(useHref, 'briefing');
  ok(await page.locator('.reader').count() > 0, 'a use links into the briefing reader');

  // Collocates and keyness: tables (or their notice when nothing qualifies).
  await go('#/collocates?q=China', 'collocates');
  ok(await page.locator('.stats-table tbody tr, #view .notice').count() > 0 && await page.locator('#view .error').count() === 0, 'the collocates view answers');
  await go('#/keyness?target=date:2020..&reference=date:..2019', 'keyness');
  ok(await page.locator('.stats-table tbody tr, #view .notice').count() > 0 && await page.locator('#view .error').count() === 0, 'the keyness view answers');
  await page.screenshot({ path: join(shots, 'keyness.png'), fullPage: true });

  // Keyboard: the search box is reachable and submits with Enter; the nav links are focusable.
  await go('#/search', 'search');
  ok(await page.evaluate(() => document.activeElement && document.activeElement.id === 'q'), 'the empty search view focuses the box');
  await page.keyboard.press('Tab');
  ok(await page.evaluate(() => document.activeElement.tagName === 'BUTTON'), 'Tab moves on to the Search button');

  // Phone width: nothing wider than the screen.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  p2.on('pageerror', (e) => pageErrors.push(e.message));
  await p2.goto(base + '/#/search?q=China');
  await p2.waitForSelector('#view[data-ready="search"]');
  const overflow = await p2.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  ok(overflow <= 0, `the search view fits a phone width (overflow ${overflow}px)`);
  await p2.screenshot({ path: join(shots, 'search-phone.png'), fullPage: true });
  await p2.goto(base + '/#/briefing/mfa-china-en-2020-09-07');
  await p2.waitForSelector('#view[data-ready="briefing"]');
  ok(await p2.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the reader fits a phone width');
  await p2.screenshot({ path: join(shots, 'briefing-phone.png'), fullPage: true });
  await p2.goto(base + '/#/talking-points?min_briefings=2');
  await p2.waitForSelector('#view[data-ready="talking-points"]');
  ok(await p2.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the talking points fit a phone width');
  await p2.screenshot({ path: join(shots, 'talking-points-phone.png'), fullPage: true });

  ok(pageErrors.length === 0, 'no script errors' + (pageErrors.length ? ': ' + pageErrors.join('; ') : ''));
  ok(external.length === 0, 'nothing is loaded from outside the server' + (external.length ? ': ' + external.join(' ') : ''));
  await browser.close();
  browser = null;

  server.kill('SIGTERM');
  const { code, signal } = await exited;
  ok(code === 0, `SIGTERM stops the server cleanly (exit ${code}${signal ? ', ' + signal : ''})`);
  server = null;
  console.log(`# ${passed} checks passed; screenshots in ${shots}`);
} catch (err) {
  console.error(err.stack || String(err));
  if (browser) await browser.close().catch(() => {});
  cleanup();
  process.exit(1);
}
cleanup();
