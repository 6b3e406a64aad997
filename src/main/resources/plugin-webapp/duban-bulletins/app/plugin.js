// R34: two pages of Cockpit's menu. 督查通报: the published bulletins (every unit reads them), the drafts
// under review (the overseeing offices), and for the supervision office a bulletin on demand for any
// period. 督办台账: every case the user may see, filtered by year, unit, level, state and source, with
// its charts and as an Excel download. Data: /api/bulletins and /api/cases/ledger with the webapp
// session; a change carries the session's CSRF token.
import {LEVEL_COLOURS, callApi as call, cockpitPage, esc} from '../../../duban-dashboard/static/app/common.js';
import {drawLevels, drawUnitRates, loadChart} from './charts.js';

const BULLETINS = '/duban-bulletins';
const LEDGER = '/duban-case-ledger';


function day(instant) {
  return instant ? new Date(instant).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false}) : '';
}

// ---------------------------------------------------------------- 督查通报

function lastMonth() {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const last = new Date(now.getFullYear(), now.getMonth(), 0);
  const iso = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return [iso(first), iso(last)];
}

function bulletinRows(list) {
  return list.length === 0 ? '<tr><td colspan="6">尚无督查通报</td></tr>' : list.map(b => `
    <tr class="${b.status === 'DRAFT' ? 'duban-draft' : ''}"><td><a target="_blank" href="${esc(b.page)}">${esc(b.title)}</a></td>
      <td>${esc(b.periodFrom)} 至 ${esc(b.periodTo)}</td><td>${esc(b.statusLabel)}</td><td>${esc(day(b.publishedAt))}</td>
      <td><a target="_blank" href="${esc(b.page)}">打开（可打印）</a></td><td><a href="${esc(b.workbook)}" download>下载Excel</a></td></tr>`).join('');
}

async function mountBulletins(node) {
  node.innerHTML = '<section class="duban-bulletins"><h3>督查通报</h3><p>加载中……</p></section>';
  try {
    const data = await call('/api/bulletins');
    const [from, to] = lastMonth();
    const form = data.mayGenerate ? `
      <h4>生成督查通报 <small>任选通报期间；每月首个工作日自动生成上月通报，同一期间只生成一次</small></h4>
      <form class="duban-generate form-inline">
        <label>起始日 <input type="date" name="periodFrom" value="${from}" required></label>
        <label>截止日 <input type="date" name="periodTo" value="${to}" required></label>
        <button type="submit" class="btn btn-primary">生成通报稿</button>
      </form>
      <div class="duban-result"></div>
      <p class="help-block">通报稿生成后，在待办（Tasklist）的“审核督查通报”中审核：可添加审核意见，统计数字不能修改；提交即发布。</p>` : '';
    node.innerHTML = `
      <section class="duban-bulletins">
        <h3>督查通报 <small>按月通报各单位督办情况，表扬先进、督促后进</small></h3>
        <table class="table table-condensed duban-bulletin-list"><thead><tr><th>通报</th><th>期间</th><th>状态</th>
          <th>发布时间</th><th></th><th></th></tr></thead><tbody>${bulletinRows(data.bulletins)}</tbody></table>
        ${form}
      </section>`;
    const generate = node.querySelector('.duban-generate');
    if (generate) {
      generate.addEventListener('submit', async event => {
        event.preventDefault();
        const result = node.querySelector('.duban-result');
        try {
          const created = await call('/api/bulletins', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({periodFrom: generate.periodFrom.value, periodTo: generate.periodTo.value})});
          await mountBulletins(node);
          node.querySelector('.duban-result').innerHTML =
            `<div class="duban-ok">${esc(created.title)}已生成，请在待办中审核发布</div>`;
        } catch (e) {
          result.innerHTML = `<div class="duban-error" role="alert">${esc(e.message)}</div>`;
        }
      });
    }
  } catch (e) {
    node.innerHTML = `<section class="duban-bulletins"><h3>督查通报</h3><p>加载失败（${esc(e.message)}），请刷新页面重试。</p></section>`;
  }
}

// ---------------------------------------------------------------- 督办台账

function options(list, selected, any) {
  return `<option value="">${any}</option>` + list.map(o =>
    `<option value="${esc(o.code)}"${o.code === selected ? ' selected' : ''}>${esc(o.label)}</option>`).join('');
}

function filtersFromHash() {
  const query = window.location.hash.split('?')[1] || '';
  return Object.fromEntries(new URLSearchParams(query));
}

function ledgerRows(rows) {
  return rows.length === 0 ? '<tr><td colspan="11">没有符合条件的督办事项</td></tr>' : rows.map(r => `
    <tr><td>${r.processInstanceId ? `<a href="#/process-instance/${encodeURIComponent(r.processInstanceId)}/runtime">${esc(r.caseNumber)}</a>` : esc(r.caseNumber)}</td>
      <td>${esc(r.sourceLabel)}</td><td>${esc(r.title)}</td><td>${esc(r.leadUnitName)}</td><td>${esc(r.coUnitNames)}</td>
      <td>${esc(r.responsiblePersonName)}</td><td>${esc(r.deadline)}</td>
      <td class="duban-level-${esc(r.level)}">${esc(r.levelLabel)}</td><td>${esc(r.statusLabel)}</td>
      <td>${r.notices.map(n => `<a target="_blank" href="${esc(n.page)}">${esc(n.name)} ${esc(n.issuedOn)}</a>`).join('<br>')}</td>
      <td>${esc(r.closure)}</td></tr>`).join('');
}

async function mountLedger(node, filters) {
  node.innerHTML = '<section class="duban-ledger"><h3>督办台账</h3><p>加载中……</p></section>';
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  try {
    const data = await call(`/api/cases/ledger${query ? `?${query}` : ''}`);
    const year = filters.year || new Date().getFullYear();
    const o = data.options;
    node.innerHTML = `
      <section class="duban-ledger">
        <h3>督办台账 <small>${esc(data.filters)}，共${data.rows.length}件</small></h3>
        <form class="duban-filters form-inline">
          <label>年度 <input type="number" name="year" min="2000" max="2100" value="${esc(year)}"></label>
          <label>单位 <select name="unit">${options(o.units, filters.unit, '全部单位')}</select></label>
          <label>督办级别 <select name="level">${options(o.levels, filters.level, '全部级别')}</select></label>
          <label>状态 <select name="status">${options(o.statuses, filters.status, '全部状态')}</select></label>
          <label>来源 <select name="source">${options(o.sources, filters.source, '全部来源')}</select></label>
          <button type="submit" class="btn btn-primary">筛选</button>
          <a class="btn btn-default duban-xlsx" href="/api/cases/ledger.xlsx${query ? `?${query}` : ''}" download>下载Excel</a>
        </form>
        <div class="duban-charts">
          <div class="duban-chart"><canvas class="duban-levels-chart" role="img" aria-label="立项事项按督办级别"></canvas></div>
          <div class="duban-chart"><canvas class="duban-rates-chart" role="img" aria-label="各单位按期办结率"></canvas></div>
        </div>
        <table class="table table-condensed duban-ledger-table"><thead><tr><th>编号</th><th>来源</th><th>事项名称</th>
          <th>牵头单位</th><th>协办单位</th><th>责任人</th><th>完成时限</th><th>督办级别</th><th>状态</th><th>通知单</th>
          <th>办结情况</th></tr></thead><tbody>${ledgerRows(data.rows)}</tbody></table>
      </section>`;
    const form = node.querySelector('.duban-filters');
    form.addEventListener('submit', event => {
      event.preventDefault();
      const chosen = Object.fromEntries(['year', 'unit', 'level', 'status', 'source'].map(n => [n, form[n].value]));
      const hash = new URLSearchParams(Object.entries(chosen).filter(([, v]) => v)).toString();
      window.history.replaceState(null, '', `#${LEDGER}?${hash}`);
      mountLedger(node, chosen);
    });
    const Chart = await loadChart();
    drawLevels(Chart, node.querySelector('.duban-levels-chart'), data.charts, `${year}年各月立项事项（按督办级别）`);
    drawUnitRates(Chart, node.querySelector('.duban-rates-chart'), data.charts, `${year}年各单位按期办结率`);
  } catch (e) {
    node.innerHTML = `<section class="duban-ledger"><h3>督办台账</h3><div class="duban-error" role="alert">${esc(e.message)}</div>
      <p><a href="#${LEDGER}">重新加载</a></p></section>`;
  }
}

export default [
  ...cockpitPage('duban-bulletins', BULLETINS, '督查通报', 90, node => {
    node.classList.add('duban-route');
    mountBulletins(node);
  }),
  ...cockpitPage('duban-case-ledger', LEDGER, '督办台账', 92, node => {
    node.classList.add('duban-route');
    mountLedger(node, filtersFromHash());
  })
];
