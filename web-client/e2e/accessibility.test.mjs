// End to end: axe-core scans every page of the SPA once its content has loaded — the public pages, the sign-in
// page, and every route behind sign-in as the city admin and as the district petition officer, plus the pages a
// town handler, a mediator and a suggestion reviewer work in — and fails on any serious or critical violation.
// The routes are read from app-routes.tsx, so a route added there without a visit here fails the test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, settle } from './support/axe.mjs';
import { startJourney } from './support/journey.mjs';
import { webClientDir } from './support/paths.mjs';

const journey = startJourney('accessibility');
const { signedInPage, apiCall, apiSignIn, screenshot } = journey;

const town = '府山街道';

let officerIds;

/**
 * The routes app-routes.tsx declares, as written in their `path` attribute (`index` for an index route). A `<Route`
 * that has neither a path, an index nor an element as its first attribute is refused rather than skipped, so that
 * a route written another way cannot slip past the coverage check.
 */
function declaredRoutes() {
  const source = readFileSync(join(webClientDir, 'src', 'app', 'app-routes.tsx'), 'utf8');
  const routes = [];
  for (const match of source.matchAll(/<Route\b\s*(\S*)/g)) {
    const first = match[1];
    const path = /^path="([^"]+)"/.exec(first);
    if (path) routes.push(path[1]);
    else if (first === 'index') routes.push('index');
    else if (!first.startsWith('element=')) throw new Error(`Cannot read the route at "${match[0]}" in app-routes.tsx.`);
  }
  return routes;
}

/** Scans the page once it has settled, keeping a screenshot of what was scanned. */
async function scanWithScreenshot(page, what) {
  await settle(page);
  await screenshot(page, what.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, ''));
  await assertAccessible(page, what);
}

const heading = (page, name) => page.getByRole('heading', { name, exact: true });
/** A table that has loaded: its first row, or its empty placeholder when the user has nothing in it. */
const loadedTable = (table) => table.locator('.ant-table-tbody tr.ant-table-row').first().or(table.locator('.ant-table-placeholder .ant-empty'));
const forbidden = (page) => page.locator('.ant-result-403');
/** What a detail page shows for an object the user may not open: the API's 404, as for a missing one. */
const loadFailed = (page) => page.locator('main .ant-result-error');

/**
 * The pages behind sign-in: the route each covers, its address (given the ids chosen for the signed-in user) and
 * what shows once its content has loaded. Pages a role may not open answer the forbidden page, which is scanned too.
 */
const signedInVisits = [
  { route: 'index', url: () => '/', ready: (page) => page.getByTestId('waiting-work').locator('[data-testid^="count-"], .ant-empty').first() },
  { route: 'organization/regions', url: () => '/organization/regions', ready: (page) => page.getByTestId('region-tree').locator('.ant-tree-treenode').first() },
  { route: 'organization/units', url: () => '/organization/units', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'organization/users', url: () => '/organization/users', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'settings/routing-rules', url: () => '/settings/routing-rules', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'settings/api-clients', url: () => '/settings/api-clients', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'settings/webhooks', url: () => '/settings/webhooks', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'settings/rule-sets', url: () => '/settings/rule-sets', ready: (page) => page.locator('main .ant-segmented') },
  { route: 'settings/work-calendar', url: () => '/settings/work-calendar', ready: (page) => page.locator('main table button').first() },
  { route: 'petitions', url: () => '/petitions', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'petitions/new', url: () => '/petitions/new', ready: (page) => page.locator('main form') },
  {
    route: 'petitions/:id',
    url: (ids) => `/petitions/${ids.petitionId}`,
    ready: (page, ids) => (ids.ownPetition ? page.getByTestId('petition-status') : loadFailed(page)),
  },
  { route: 'cases', url: () => '/cases', ready: (page) => loadedTable(page.getByTestId('case-table')) },
  {
    route: 'cases/:id',
    url: (ids) => `/cases/${ids.caseId}`,
    ready: (page, ids) => (ids.ownCase ? page.getByTestId('case-status') : loadFailed(page)),
  },
  { route: 'supervision', url: () => '/supervision', ready: (page) => loadedTable(page.getByTestId('board-by-unit')) },
  { route: 'receptions', url: () => '/receptions', ready: (page) => page.locator('main .ant-picker-calendar') },
  { route: 'receptions/figures', url: () => '/receptions/figures', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'receptions/must-visits', url: () => '/receptions/must-visits', ready: (page) => loadedTable(page.locator('main')) },
  {
    route: 'receptions/:id',
    url: (ids) => `/receptions/${ids.receptionId}`,
    ready: (page, ids) => (ids.ownReception ? loadedTable(page.locator('main')) : loadFailed(page)),
  },
  { route: 'organization/joint-meetings', url: () => '/organization/joint-meetings', ready: (page) => loadedTable(page.locator('main')) },
  {
    route: 'organization/responsibility-letters',
    url: () => '/organization/responsibility-letters',
    ready: (page) => loadedTable(page.locator('main')),
  },
  {
    route: 'mediation/rooms',
    url: () => '/mediation/rooms',
    ready: (page) => page.getByTestId('mediation-room-name').first().or(page.locator('main .ant-empty')).first(),
  },
  { route: 'mediation/disputes', url: () => '/mediation/disputes', ready: (page) => loadedTable(page.locator('main')) },
  // Without a room chosen the calendar asks for one; the week grid itself is scanned by the mediation journey.
  { route: 'mediation/calendar', url: () => '/mediation/calendar', ready: (page) => page.locator('main .ant-empty') },
  { route: 'mediation/disputes/new', url: () => '/mediation/disputes/new', ready: (page) => page.locator('main form') },
  {
    route: 'mediation/disputes/:id',
    url: (ids) => `/mediation/disputes/${ids.disputeId}`,
    ready: (page, ids) => (ids.ownDispute ? page.getByText('调解意愿', { exact: true }) : loadFailed(page)),
  },
  {
    route: 'mediation/disputes/:id/agreement',
    url: (ids) => `/mediation/disputes/${ids.disputeId}/agreement`,
    // The printable agreement, or the empty state of a dispute that has none yet.
    ready: (page, ids) => (ids.ownDispute ? page.locator('main article').or(page.locator('main .ant-empty')).first() : loadFailed(page)),
  },
  { route: 'suggestions/topics', url: () => '/suggestions/topics', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'suggestions', url: () => '/suggestions', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'suggestions/new', url: () => '/suggestions/new', ready: (page) => page.locator('main form') },
  {
    route: 'suggestions/:id',
    url: (ids) => `/suggestions/${ids.suggestionId}`,
    ready: (page, ids) => (ids.ownSuggestion ? page.locator('main .ant-descriptions').first() : loadFailed(page)),
  },
  { route: 'suggestions/assigned', url: () => '/suggestions/assigned', ready: (page) => loadedTable(page.locator('main')) },
  {
    route: 'suggestions/assigned/:id',
    url: (ids) => `/suggestions/assigned/${ids.assignedSuggestionId}`,
    ready: (page, ids) => (ids.ownAssignment ? page.locator('main .ant-descriptions').first() : loadFailed(page)),
  },
  { route: 'diary', url: () => '/diary', ready: (page) => loadedTable(page.locator('main')) },
  { route: 'diary/new', url: () => '/diary/new', ready: (page) => page.locator('main form') },
  {
    route: 'diary/entries/:id',
    url: (ids) => `/diary/entries/${ids.diaryEntryId}`,
    ready: (page, ids) => (ids.ownDiaryEntry ? page.locator('main .ant-descriptions').first() : loadFailed(page)),
  },
  { route: 'diary/matters', url: () => '/diary/matters', ready: (page) => loadedTable(page.locator('main')) },
  {
    route: 'diary/matters/:id',
    url: (ids) => `/diary/matters/${ids.diaryMatterId}`,
    ready: (page, ids) => (ids.ownDiaryMatter ? page.locator('main .ant-descriptions').first() : loadFailed(page)),
  },
  { route: 'metrics', url: () => '/metrics', ready: (page) => loadedTable(page.getByTestId('metrics-table')) },
  { route: 'metrics/dashboard', url: () => '/metrics/dashboard', ready: (page) => loadedTable(page.getByTestId('five-colour-ranking')) },
  { route: 'metrics/annual-report', url: () => '/metrics/annual-report', ready: (page) => loadedTable(page.getByTestId('annual-report-figures')) },
  { route: 'audit', url: () => '/audit', ready: (page) => loadedTable(page.getByTestId('audit-entries')) },
  { route: '*', url: () => '/no-such-page', ready: (page) => page.locator('.ant-result-404') },
];

/** The pages open to everyone; they run in a browser context that has not signed in. */
const publicRoutes = [
  '/login',
  '/public/submit',
  '/public/track',
  '/public/reception-days',
  '/public/suggestion-topics',
  '/public/suggestion-topics/:id',
  '/public/suggestions/new',
  '/public/suggestions/track',
  '/public/suggestions/adopted',
  '/public/mediation/apply',
  '/public/mediation/track',
];

/** An id of the right form that names no object: the detail pages of users who can open none answer "not found". */
const noSuchId = '00000000-0000-7000-8000-000000000000';

/** Calls the API with the page's own session, so that what it finds is what this user may open. */
function apiGet(page, path) {
  return page.evaluate(async (target) => {
    const { accessToken } = JSON.parse(sessionStorage.getItem('fengqiao.session'));
    const response = await fetch(target, { headers: { Authorization: `Bearer ${accessToken}` } });
    if (!response.ok) throw new Error(`GET ${target} answered ${response.status}`);
    return response.json();
  }, path);
}

const caseTabs = ['to_assign', 'to_sign', 'in_progress', 'to_reply', 'replied', 'due_soon', 'overdue', 'returned'];

/** The months the demo's receptions are looked for in: this one and the two before, as yyyy-MM. */
function recentMonths() {
  const today = new Date();
  return [0, 1, 2].map((back) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1)).toISOString().slice(0, 7));
}

/**
 * The first petition of the user's worklist, the first case of a worklist tab the user holds and the first reception
 * of a recent month (null for none), read by `get`; a user who may not read receptions has none.
 */
async function firstIds(get, readsReceptions, readsPetitions = true) {
  const petitionId = readsPetitions ? ((await get('/api/v1/petitions?limit=1')).items[0]?.id ?? null) : null;
  let receptionId = null;
  for (const month of readsReceptions ? recentMonths() : []) {
    receptionId = (await get(`/api/v1/receptions?month=${month}&limit=1`)).items[0]?.id ?? null;
    if (receptionId) break;
  }
  const { capabilities } = await get('/api/v1/me');
  const disputeId = capabilities.includes('view_disputes') ? ((await get('/api/v1/mediation/disputes?limit=1')).items[0]?.id ?? null) : null;
  const suggestionId = capabilities.includes('view_suggestions') ? ((await get('/api/v1/suggestions?limit=1')).items[0]?.id ?? null) : null;
  const assignedSuggestionId = capabilities.includes('answer_assigned_suggestions')
    ? ((await get('/api/v1/suggestion-assignments?limit=1')).items[0]?.suggestionId ?? null)
    : null;
  const readsDiary = capabilities.includes('view_diary');
  const diaryEntryId = readsDiary ? ((await get('/api/v1/diary/entries?limit=1')).items[0]?.id ?? null) : null;
  const diaryMatterId = readsDiary ? ((await get('/api/v1/diary/matters?limit=1')).items[0]?.id ?? null) : null;
  for (const tab of caseTabs.filter((name) => readsPetitions && capabilities.includes(`case_tab_${name}`))) {
    const caseId = (await get(`/api/v1/cases?tab=${tab}&limit=1`)).items[0]?.id;
    if (caseId) return { petitionId, caseId, receptionId, disputeId, suggestionId, assignedSuggestionId, diaryEntryId, diaryMatterId };
  }
  return { petitionId, caseId: null, receptionId, disputeId, suggestionId, assignedSuggestionId, diaryEntryId, diaryMatterId };
}

/**
 * The petition and the case whose pages the user visits: the first ones the user may open or, for a user who may
 * open none (the city admin opens no petition), those the officer opens, whose pages then answer "not found".
 */
async function idsToVisit(page, readsReceptions, readsPetitions) {
  const own = await firstIds((path) => apiGet(page, path), readsReceptions, readsPetitions);
  return {
    disputeId: own.disputeId ?? noSuchId,
    ownDispute: own.disputeId !== null,
    suggestionId: own.suggestionId ?? noSuchId,
    ownSuggestion: own.suggestionId !== null,
    assignedSuggestionId: own.assignedSuggestionId ?? noSuchId,
    ownAssignment: own.assignedSuggestionId !== null,
    diaryEntryId: own.diaryEntryId ?? noSuchId,
    ownDiaryEntry: own.diaryEntryId !== null,
    diaryMatterId: own.diaryMatterId ?? noSuchId,
    ownDiaryMatter: own.diaryMatterId !== null,
    receptionId: own.receptionId ?? officerIds.receptionId,
    ownReception: own.receptionId !== null,
    petitionId: own.petitionId ?? officerIds.petitionId,
    ownPetition: own.petitionId !== null,
    caseId: own.caseId ?? officerIds.caseId,
    ownCase: own.caseId !== null,
  };
}

/** Files a petition online and has the district bureau accept it, so that its tracking page shows the case as well. */
async function acceptedOnlinePetition() {
  const { json: regions } = await apiCall(null, 'GET', '/api/v1/public/regions');
  const townRegion = regions.items.find((region) => region.name === town && region.level === 'town');
  const request = `请求修复小区门口的路灯（无障碍扫描 ${Date.now()}）`;
  const { json: tracking } = await apiCall(null, 'POST', '/api/v1/public/petitions', {
    name: '陈市民', idNumber: null, phone: '13600136000', address: null, regionId: townRegion.id,
    category: 'urban_rural_construction', request, facts: '', reasons: '',
  });
  const officer = await apiSignIn('district.petition_officer');
  const { json: found } = await apiCall(officer, 'GET', `/api/v1/petitions?text=${encodeURIComponent(request)}`);
  const petitionId = found.items[0].id;
  const { etag } = await apiCall(officer, 'GET', `/api/v1/petitions/${petitionId}`);
  await apiCall(officer, 'POST', `/api/v1/petitions/${petitionId}/classification`,
    { decision: 'accept', reason: null, notice: '您的信访事项已受理。', legalChannel: null }, { 'if-match': etag });
  return tracking;
}

describe('accessibility of every page', { timeout: 900_000 }, () => {
  before(async () => {
    const officer = await apiSignIn('district.petition_officer');
    officerIds = await firstIds(async (path) => (await apiCall(officer, 'GET', path)).json, true);
    assert.ok(officerIds.petitionId && officerIds.caseId && officerIds.receptionId, 'the officer sees a petition, a case and a reception of the demo data');
  }, { timeout: 180_000 });

  test('every route of app-routes.tsx is visited', () => {
    const visited = [...publicRoutes, ...signedInVisits.map((visit) => visit.route)];
    assert.deepEqual(declaredRoutes().toSorted(), visited.toSorted());
  });

  describe('the public pages', () => {
    let page;
    before(async () => {
      page = await journey.openPage({ width: 390, height: 844 });
    });
    after(async () => {
      await page?.context().close();
    });

    test('/login', async () => {
      await page.goto('/login');
      await heading(page, '登录').waitFor();
      await scanWithScreenshot(page, 'sign-in page');
    });

    test('/public/submit', async () => {
      await page.goto('/public/submit');
      await heading(page, '网上信访').waitFor();
      await page.getByRole('button', { name: '提交' }).waitFor();
      await scanWithScreenshot(page, 'public submission page');
    });

    test('/public/track', async () => {
      const tracking = await acceptedOnlinePetition();
      await page.goto('/public/track');
      await heading(page, '信访件查询').waitFor();
      await scanWithScreenshot(page, 'tracking page before a query');
      await page.getByLabel('查询码', { exact: true }).fill(tracking.trackingCode);
      await page.getByLabel('查询密码', { exact: true }).fill(tracking.secret);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.getByTestId('public-case').waitFor();
      await scanWithScreenshot(page, 'tracking page with the petition and its case');
    });

    test('/public/suggestion-topics', async () => {
      await page.goto('/public/suggestion-topics');
      await heading(page, '人民建议征集').waitFor();
      await page.getByTestId('public-topics').or(page.locator('main .ant-empty')).first().waitFor();
      await scanWithScreenshot(page, 'public suggestion topics');
    });

    test('/public/suggestion-topics/:id', async () => {
      const { json: topics } = await apiCall(null, 'GET', '/api/v1/public/suggestion-topics');
      assert.ok(topics.items.length > 0, 'the demo data publishes suggestion topics');
      await page.goto(`/public/suggestion-topics/${topics.items[0].id}`);
      await heading(page, topics.items[0].title).waitFor();
      await scanWithScreenshot(page, 'public suggestion topic');
    });

    test('/public/suggestions/new', async () => {
      await page.goto('/public/suggestions/new');
      await heading(page, '我有建议').waitFor();
      await page.locator('main form').waitFor();
      await scanWithScreenshot(page, 'public suggestion form');
    });

    test('/public/suggestions/track', async () => {
      await page.goto('/public/suggestions/track');
      await heading(page, '建议查询').waitFor();
      await scanWithScreenshot(page, 'public suggestion tracking');
    });

    test('/public/suggestions/adopted', async () => {
      await page.goto('/public/suggestions/adopted');
      await heading(page, '采纳建议公示').waitFor();
      await page.getByTestId('public-adopted').or(page.locator('main .ant-empty')).first().waitFor();
      await scanWithScreenshot(page, 'public adopted suggestions');
    });

    test('/public/mediation/apply', async () => {
      await page.goto('/public/mediation/apply');
      await heading(page, '在线申请人民调解').waitFor();
      await page.locator('main form').waitFor();
      await scanWithScreenshot(page, 'public mediation application');
    });

    test('/public/mediation/track', async () => {
      await page.goto('/public/mediation/track');
      await heading(page, '查询调解进度').waitFor();
      await scanWithScreenshot(page, 'public mediation tracking');
    });

    test('/public/reception-days', async () => {
      await page.goto('/public/reception-days');
      await heading(page, '领导接访日').waitFor();
      await page.locator('main .ant-card').first().or(page.locator('main .ant-empty')).first().waitFor();
      await scanWithScreenshot(page, 'public reception days');
    });
  });

  const handlerRoutes = ['index', 'petitions', 'cases', 'cases/:id', 'suggestions/assigned', 'suggestions/assigned/:id'];
  const mediatorRoutes = ['index', 'mediation/rooms', 'mediation/disputes', 'mediation/disputes/new', 'mediation/disputes/:id', 'mediation/disputes/:id/agreement', 'mediation/calendar'];
  const reviewerRoutes = ['index', 'suggestions/topics', 'suggestions', 'suggestions/new', 'suggestions/:id'];
  const people = [
    { userName: 'city.admin', visits: signedInVisits, worksOnCases: false, readsReceptions: true, readsPetitions: true },
    { userName: 'district.petition_officer', visits: signedInVisits, worksOnCases: true, readsReceptions: true, readsPetitions: true },
    {
      userName: 'town.handler',
      visits: signedInVisits.filter((visit) => handlerRoutes.includes(visit.route)),
      worksOnCases: true,
      readsReceptions: false,
      readsPetitions: true,
    },
    {
      userName: 'district.mediator',
      visits: signedInVisits.filter((visit) => mediatorRoutes.includes(visit.route)),
      worksOnCases: false,
      readsReceptions: false,
      readsPetitions: false,
    },
    {
      userName: 'district.suggestion_reviewer',
      visits: signedInVisits.filter((visit) => reviewerRoutes.includes(visit.route)),
      worksOnCases: false,
      readsReceptions: false,
      readsPetitions: false,
    },
  ];

  for (const { userName, visits, worksOnCases, readsReceptions, readsPetitions } of people) {
    describe(`the pages as ${userName}`, () => {
      let page;
      let ids;
      before(async () => {
        page = await signedInPage(userName);
        ids = await idsToVisit(page, readsReceptions, readsPetitions);
        if (worksOnCases) assert.ok(ids.ownPetition && ids.ownCase, `${userName} sees a petition and a case of the demo data`);
      });
      after(async () => {
        await page?.context().close();
      });

      for (const visit of visits) {
        test(visit.route, async () => {
          await page.goto(visit.url(ids));
          await visit.ready(page, ids).or(forbidden(page)).first().waitFor();
          await scanWithScreenshot(page, `${visit.url(ids)} as ${userName}`);
        });
      }
    });
  }
});
