// 督办看板: Cockpit's dashboard for supervisors. Data: /api/dashboard with the webapp session, as the user may see it;
// R34: its charts (cases by level over the last 12 months, on-time rate by unit) from /api/cases/charts, drawn
// with the charts' module and Chart.js that the plugin duban-bulletins serves.
import {drawLevels, drawUnitRates, loadChart} from '../../../duban-bulletins/static/app/charts.js';
import {LEVEL_COLOURS, cockpitPage, csrfToken, esc} from './common.js';
const NOTICE_OF_LEVEL = {GREEN: 'GREEN', YELLOW: 'YELLOW', RED: 'RED', ACCOUNTABILITY: 'RED'};

function instanceLink(id, text) {
  return `<a href="#/process-instance/${encodeURIComponent(id)}/runtime">${esc(text)}</a>`;
}

function caseRows(rows, empty) {
  return rows.length === 0 ? `<tr><td colspan="7">${empty}</td></tr>` : rows.map(c => `
    <tr><td>${instanceLink(c.processInstanceId, c.caseNumber)}</td><td>${esc(c.title)}</td><td>${esc(c.unitName)}</td>
      <td>${esc(c.deadline)}</td><td class="${c.workingDaysOverdue > 0 ? 'duban-late' : ''}">${c.workingDaysOverdue || ''}</td>
      <td style="color:${LEVEL_COLOURS[c.level]}">${esc(c.levelLabel)}</td>
      <td><a target="_blank" href="/api/cases/${c.caseId}/notices/${NOTICE_OF_LEVEL[c.level]}">通知单</a></td></tr>`).join('');
}

// a list cut to its first rows says how many there are
function more(total, listed) {
  return total > listed ? `；共${total}件，列出逾期最久的${listed}件` : '';
}

const CASE_HEAD = `<thead><tr><th>编号</th><th>事项</th><th>承办单位</th><th>完成时限</th>
  <th>逾期（工作日）</th><th>督办级别</th><th></th></tr></thead>`;

// the session's CSRF token: the project's API refuses a change with the webapp session without it
const CHANNELS = {MAIL: '邮件', WEBHOOK: '群机器人', SMS: '短信'};

// R33: messages that could not be delivered after every try, for the supervision office to send again
function failedMessages(section, api) {
  const base = '/api/messages/deliveries';
  const load = () => fetch(`${base}?status=FAILED`, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(response => {
      if (response.status === 403) {
        return null;   // only the supervision office and administrators see them
      }
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(rows => {
      if (rows === null) {
        section.hidden = true;
        return;
      }
      section.hidden = false;
      section.innerHTML = `
        <h4>发送失败的消息 <small>多次重试仍未送达；排除故障（邮箱、群机器人地址、短信网关）后点“重发”</small></h4>
        <p class="duban-messages-status"></p>
        <table class="table table-condensed duban-failed"><thead><tr><th>消息</th><th>接收人</th><th>渠道</th>
          <th>地址</th><th>尝试次数</th><th>失败原因</th><th></th></tr></thead><tbody>${rows.length === 0
          ? '<tr><td colspan="7">无发送失败的消息</td></tr>' : rows.map(d => `
          <tr><td>${esc(d.subject)}</td><td>${esc(d.recipientName)}</td><td>${esc(CHANNELS[d.channel] || d.channel)}</td>
            <td>${esc(d.address)}</td><td>${d.attempts}</td><td class="duban-late">${esc(d.lastError)}</td>
            <td><button type="button" class="btn btn-default btn-sm duban-resend" data-id="${d.id}">重发</button></td></tr>`).join('')}
        </tbody></table>`;
    })
    .catch(e => {
      section.hidden = false;
      section.innerHTML = `<h4>发送失败的消息</h4><p>加载失败（${esc(e.message)}），请刷新页面重试。</p>`;
    });
  section.addEventListener('click', event => {
    const button = event.target.closest('.duban-resend');
    if (!button) {
      return;
    }
    button.disabled = true;
    fetch(`${base}/${encodeURIComponent(button.dataset.id)}/retry`, {
      method: 'POST',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api)},
      credentials: 'same-origin'
    })
      .then(response => {
        if (!response.ok && response.status !== 409) {
          throw new Error(response.status);
        }
        return load().then(() => {
          section.querySelector('.duban-messages-status').textContent = '已重新排队发送，稍后送达。';
        });
      })
      .catch(e => {
        button.disabled = false;
        section.querySelector('.duban-messages-status').textContent = `重发失败（${e.message}），请重试。`;
      });
  });
  load();
}

function render(node, data, api) {
  const tiles = data.byLevel.map(l => `
    <a href="#" class="duban-tile" data-level="${esc(l.level)}" title="列出${esc(l.label)}的在办事项"
      style="border-color:${LEVEL_COLOURS[l.level]};color:${LEVEL_COLOURS[l.level]}">
      <div class="duban-count">${l.count}</div><div>${esc(l.label)}</div></a>`).join('');
  const levels = data.byLevel.map(l => l.level);
  const units = data.byUnit.length === 0 ? '<tr><td colspan="6">无在办事项</td></tr>' : data.byUnit.map(u => `
    <tr><td><a href="#" data-unit="${esc(u.unit)}" title="列出本单位的在办事项">${esc(u.unitName)}</a></td>
      ${levels.map(l => `<td>${u.byLevel[l] || 0}</td>`).join('')}<td>${u.total}</td></tr>`).join('');
  const complaints = data.overdueComplaints.length === 0 ? '<tr><td colspan="7">无超期投诉</td></tr>'
    : data.overdueComplaints.map(c => `
    <tr><td>${instanceLink(c.processInstanceId, c.trackingCode)}</td><td>${esc(c.unitName)}</td><td>${esc(c.typeLabel)}</td>
      <td>${esc(c.statusLabel)}</td><td>${esc(c.limitAt)}</td><td class="duban-late">${c.workingDaysOverdue}</td>
      <td><a target="_blank" href="/api/complaints/${encodeURIComponent(c.trackingCode)}/urging-notice">催办通知书</a></td></tr>`).join('');
  // R13: units under rectification: their heads may not be transferred or promoted meanwhile
  const rectifying = (data.rectifyingUnits || []).length === 0 ? '<tr><td colspan="5">无正在整改的单位</td></tr>'
    : data.rectifyingUnits.map(r => `
    <tr><td>${instanceLink(r.processInstanceId, r.unitName)}</td><td>${esc(r.headName)}</td><td>${esc(r.measure)}</td>
      <td>${esc(r.since || '')}</td><td class="duban-late">整改期间不得调动或提拔</td></tr>`).join('');
  // R25: while next year's holiday table is missing, limits into it count provisionally
  const calendarNotice = data.calendarNotice ? `
      <div class="duban-calendar-notice" role="alert" style="border:1px solid #b8860b;background:#fff8e1;
        color:#6b4e00;padding:8px 12px;margin:8px 0">${esc(data.calendarNotice)}
        <a href="#/duban-calendar">前往节假日安排</a></div>` : '';
  // R28: the cases the user (or the leader whose secretary he is) instructed, with their level
  const instructed = !data.instructedCases || data.instructedCases.length === 0 ? '' : `
      <h4>我批示的事项 <small>领导批示件的办理情况，点反馈查看向领导反馈的记录和督办反馈单；已办结、已撤销的列最近20件</small></h4>
      <table class="table table-condensed duban-instructed"><thead><tr><th>编号</th><th>事项</th><th>批示领导</th>
        <th>承办单位</th><th>完成时限</th><th>督办级别</th><th>状态</th><th></th></tr></thead><tbody>${data.instructedCases.map(c => `
        <tr><td>${instanceLink(c.processInstanceId, c.caseNumber)}</td><td>${esc(c.title)}</td><td>${esc(c.leaderName)}</td>
          <td>${esc(c.unitName)}</td><td>${esc(c.deadline)}</td>
          <td style="color:${LEVEL_COLOURS[c.level]}">${esc(c.levelLabel)}</td><td>${esc(c.statusLabel)}</td>
          <td><a target="_blank" href="/api/cases/${c.caseId}/leader-feedback/page">反馈</a></td></tr>`).join('')}</tbody></table>`;
  // R29: the parent items still being worked, with their children's progress
  const parents = (data.parents || []).length === 0 ? '<tr><td colspan="6">无在办的分解立项</td></tr>' : data.parents.map(p => `
    <tr><td><a href="#/duban-breakdown?parent=${p.id}">${esc(p.title)}</a></td><td>${esc(p.sourceLabel)}</td>
      <td>${esc(p.deadline)}</td><td>${p.children}（在办${p.open}）</td>
      <td class="${p.overdue > 0 ? 'duban-late' : ''}">${p.overdue}</td>
      <td>${p.byLevel.filter(l => l.count > 0).map(l => `<span style="color:${LEVEL_COLOURS[l.code]}">${esc(l.label)} ${l.count}</span>`).join(' ')}</td></tr>`).join('');
  // an upgrade that did not deploy a shipped model over an analyst's version (for analysts and administrators)
  const modelConflicts = (data.modelConflicts || []).length === 0 ? '' : `
      <div class="duban-model-conflicts" role="alert" style="border:1px solid #c00000;background:#fff5f5;padding:8px 12px;margin:8px 0">
        <h4>模型升级冲突 <small>新版本系统带来的模型与流程分析员部署的版本不同，系统保留了分析员的版本，未自动替换</small></h4>
        <table class="table table-condensed"><thead><tr><th>模型文件</th><th>流程/决策/表单</th><th>现行版本的部署</th>
          <th>部署人</th><th>部署时间</th><th>发现时间</th><th></th></tr></thead><tbody>${data.modelConflicts.map(c => `
          <tr><td>${esc(c.resourceName)}</td><td>${esc(c.definitionKeys)}</td><td>${esc(c.deploymentName)}</td>
            <td>${esc(c.deployedBy)}</td><td>${esc(c.deployedAt)}</td><td>${esc(c.detectedAt)}</td>
            <td><button type="button" class="btn btn-default btn-xs" data-keep-conflict="${c.id}"
              title="分析员已将新版本的修改合并进现行模型（或决定不采用），此后不再提示">已合并，保留现行版本</button></td></tr>`).join('')}
        </tbody></table>
        <p>处理办法见 README“流程分析员”一节：分析员合并新版本的修改后重新部署并点“已合并”；或由系统管理员采用新版本。</p>
      </div>`;
  node.innerHTML = `
    <section class="duban-dashboard">
      <h3>督办看板 <small>在办事项 ${data.openCases} 件，统计时间 ${esc(data.at)}</small></h3>${calendarNotice}${modelConflicts}
      <div class="duban-tiles">${tiles}</div>
      <div class="duban-charts">
        <div class="duban-chart"><canvas class="duban-levels-chart" role="img" aria-label="近12个月立项事项按督办级别"></canvas></div>
        <div class="duban-chart"><canvas class="duban-rates-chart" role="img" aria-label="近12个月各单位按期办结率"></canvas></div>
      </div>${instructed}
      <div class="duban-selection" hidden>
        <h4><span class="duban-selection-title"></span> <small><a href="#" class="duban-selection-close">收起</a></small></h4>
        <table class="table table-condensed duban-cases">${CASE_HEAD}<tbody></tbody></table>
      </div>
      <h4>按承办单位 <small>点单位名称列出其在办事项</small></h4>
      <table class="table table-condensed"><thead><tr><th>承办单位</th>${data.byLevel.map(l => `<th>${esc(l.label)}</th>`).join('')}
        <th>合计</th></tr></thead><tbody>${units}</tbody></table>
      <h4>逾期督办事项 <small>已过完成时限，按逾期工作日排序${more(data.overdueCount, data.listed)}</small></h4>
      <table class="table table-condensed duban-overdue">${CASE_HEAD}<tbody>${caseRows(data.overdueCases, '无逾期事项')}</tbody></table>
      <h4>分解立项 <small>母事项及其子事项进展，有逾期子事项的在前</small></h4>
      <table class="table table-condensed duban-parents"><thead><tr><th>母事项</th><th>来源</th><th>完成时限</th>
        <th>子事项</th><th>逾期</th><th>在办按级别</th></tr></thead><tbody>${parents}</tbody></table>
      <h4>超期投诉 <small>已过调查时限仍未办结</small></h4>
      <table class="table table-condensed duban-complaints"><thead><tr><th>投诉编号</th><th>被投诉单位</th><th>类型</th><th>状态</th>
        <th>办理时限</th><th>超期（工作日）</th><th></th></tr></thead><tbody>${complaints}</tbody></table>
      <h4>正在整改的单位 <small>整改验收通过前，单位主要负责人不得调动或提拔</small></h4>
      <table class="table table-condensed duban-rectifying"><thead><tr><th>单位</th><th>主要负责人</th><th>问责措施</th>
        <th>生效时间</th><th>限制</th></tr></thead><tbody>${rectifying}</tbody></table>
      <div class="duban-failed-messages" hidden></div>
    </section>`;
  failedMessages(node.querySelector('.duban-failed-messages'), api);
  node.querySelectorAll('[data-keep-conflict]').forEach(button => button.addEventListener('click', () => {
    fetch(`/api/model-conflicts/${encodeURIComponent(button.dataset.keepConflict)}/keep`, {
      method: 'POST',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api)},
      credentials: 'same-origin'
    }).then(response => response.ok ? response.json() : response.json().then(p => Promise.reject(new Error(p.message))))
      .then(() => button.closest('tr').remove())
      .catch(e => { button.replaceWith(document.createTextNode(e.message)); });
  }));
  // a tile or a unit lists its open cases above the tables
  const selection = node.querySelector('.duban-selection');
  // the cases come from the server a selection at a time: a county's open work is too much to send at once
  // only the last click's answer is shown: an earlier, slower one does not overwrite it
  let asked = 0;
  const show = (title, query) => {
    const mine = ++asked;
    selection.querySelector('.duban-selection-title').textContent = `${title}（加载中……）`;
    selection.querySelector('tbody').innerHTML = '';
    selection.hidden = false;
    fetch(`/api/dashboard/cases?${query}`, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(response => response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)))
      .then(list => {
        if (mine !== asked) {
          return;
        }
        selection.querySelector('.duban-selection-title').textContent =
          `${title}（${list.total}件${list.total > list.listed ? `，列出最紧急的${list.listed}件` : ''}）`;
        selection.querySelector('tbody').innerHTML = caseRows(list.cases, '无在办事项');
      })
      .catch(e => {
        if (mine === asked) {
          selection.querySelector('.duban-selection-title').textContent = `${title}（加载失败：${e.message}，请重试）`;
        }
      });
  };
  node.querySelectorAll('[data-level]').forEach(tile => tile.addEventListener('click', event => {
    event.preventDefault();
    const level = data.byLevel.find(l => l.level === tile.dataset.level);
    show(`${level.label}的在办事项`, `level=${encodeURIComponent(level.level)}`);
  }));
  node.querySelectorAll('[data-unit]').forEach(link => link.addEventListener('click', event => {
    event.preventDefault();
    show(`${link.textContent}的在办事项`, `unit=${encodeURIComponent(link.dataset.unit)}`);
  }));
  selection.querySelector('.duban-selection-close').addEventListener('click', event => {
    event.preventDefault();
    selection.hidden = true;
  });
}

function mount(node, api) {
  node.innerHTML = '<section class="duban-dashboard"><h3>督办看板</h3><p>加载中……</p></section>';
  fetch('/api/dashboard', {
    headers: {Accept: 'application/json'},
    credentials: 'same-origin'
  })
    .then(response => {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(data => {
      render(node, data, api);
      return drawCharts(node);
    })
    .catch(e => {
      node.innerHTML = `<section class="duban-dashboard"><h3>督办看板</h3><p>看板数据加载失败（${esc(e.message)}），请刷新页面重试。</p></section>`;
    });
}

// R34: the last twelve months' cases by level and each unit's on-time rate; a failure leaves the tables be
async function drawCharts(node) {
  try {
    const response = await fetch('/api/cases/charts', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
      throw new Error(response.status);
    }
    const charts = await response.json();
    const Chart = await loadChart();
    drawLevels(Chart, node.querySelector('.duban-levels-chart'), charts);
    drawUnitRates(Chart, node.querySelector('.duban-rates-chart'), charts, '近12个月各单位按期办结率');
  } catch (e) {
    const box = node.querySelector('.duban-charts');
    if (box) {
      box.textContent = `图表加载失败（${e.message}）`;
    }
  }
}

const PAGE = '/duban-dashboard';

// On Cockpit's dashboard (below its own sections), and as a page of its own in the header's menu.
export default [{
  id: 'duban-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, {api}) => mount(node, api)
}, ...cockpitPage('duban-dashboard', PAGE, '督办看板', 100, (node, {api}) => {
  node.classList.add('duban-page');
  mount(node, api);
})];
