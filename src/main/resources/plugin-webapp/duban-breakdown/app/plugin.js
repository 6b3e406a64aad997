// 分解立项 (R29): a meeting's decision, a document or a work plan registered once as a parent item and
// split into supervision cases, by uploading a task-breakdown sheet (任务分解表, xlsx) or by a form
// with one row per case; the parent's page follows its children. Data: /api/breakdowns (the parents in
// progress) and /api/breakdowns/done (the done ones, a page at a time) with the webapp session; a
// change carries the session's CSRF token.
import {LEVEL_COLOURS, callApi, cockpitPage, esc} from '../../../duban-dashboard/static/app/common.js';
const PAGE = '/duban-breakdown';
const COLUMNS = [
  ['title', '任务名称', true], ['content', '工作内容和要求', true], ['leadUnit', '牵头单位', true],
  ['coUnits', '协办单位', false], ['responsiblePerson', '责任人', true], ['leaderInCharge', '分管领导', false],
  ['deadline', '完成时限', true], ['milestones', '关键节点', false], ['qualityChecklist', '质量标准', true],
  ['reportIntervalDays', '进展报送周期（工作日）', false]];

const call = (path, options) => callApi(`/api/breakdowns${path}`, options);

function parentFromHash() {
  const match = window.location.hash.match(/[?&]parent=(\d+)/);
  return match ? match[1] : null;
}

function levelCounts(counts) {
  return counts.filter(c => c.count > 0).map(c =>
    `<span class="duban-level" style="color:${LEVEL_COLOURS[c.code]}">${esc(c.label)} ${c.count}</span>`).join(' ') || '—';
}

function parentsTable(parents, none) {
  const rows = parents.length === 0 ? `<tr><td colspan="8">${none}</td></tr>` : parents.map(p => `
    <tr><td><a href="#" data-parent="${p.id}">${esc(p.title)}</a></td><td>${esc(p.sourceLabel)}</td>
      <td>${esc(p.documentNumber)}</td><td>${esc(p.deadline)}</td><td>${esc(p.stateLabel)}</td><td>${p.children}</td>
      <td>${p.open}</td><td class="${p.overdue > 0 ? 'duban-late' : ''}">${p.overdue}</td></tr>`).join('');
  return `<table class="table table-condensed duban-parents"><thead><tr><th>母事项</th><th>来源</th><th>文号</th>
    <th>完成时限</th><th>状态</th><th>子事项</th><th>在办</th><th>逾期</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function parentForm(overview) {
  return `
    <h4>登记母事项 <small>会议决定、文件、工作要点或领导批示，登记后再分解为督办事项</small></h4>
    <form class="duban-parent-form">
      <div class="duban-grid">
        <label>名称<input type="text" name="title" required></label>
        <label>来源<select name="source">${overview.sources.map(s => `<option value="${esc(s.code)}">${esc(s.label)}</option>`).join('')}</select></label>
        <label>文号<input type="text" name="documentNumber" placeholder="如：县政府常务会议纪要〔2026〕3号"></label>
        <label>印发（会议）日期<input type="date" name="issuedOn"></label>
        <label>分管领导<select name="leaderInCharge">${overview.leaders.map(l => `<option value="${esc(l.code)}">${esc(l.label)}</option>`).join('')}</select></label>
        <label>批示领导<select name="instructingLeader"><option value="">（来源为领导批示时必选）</option>${overview.leaders.map(l => `<option value="${esc(l.code)}">${esc(l.label)}</option>`).join('')}</select></label>
        <label>完成时限<input type="date" name="deadline" min="${esc(overview.today)}"></label>
      </div>
      <p class="help-block">来源为领导批示的，须填写批示文号、批示日期并选择批示领导，分解后的事项均按批示件办理、向批示领导反馈。</p>
      <label>内容<textarea name="content" rows="4" placeholder="会议决定、文件或批示的内容"></textarea></label>
      <p><button type="submit" class="btn btn-primary">登记母事项</button></p>
      <div class="duban-result"></div>
    </form>`;
}

function problemsTable(problems) {
  if (!problems.length) {
    return '';
  }
  return `<table class="table table-condensed duban-problems"><thead><tr><th>行号</th><th>列</th><th>问题</th></tr></thead>
    <tbody>${problems.map(p => `<tr><td>${p.row > 0 ? `第${p.row}行` : ''}</td><td>${esc(p.column)}</td>
    <td>${esc(p.message)}</td></tr>`).join('')}</tbody></table>`;
}

function errorReport(e) {
  const rows = new Set(e.problems.filter(p => p.row > 0).map(p => p.row)).size;
  return `<div class="duban-error" role="alert">${rows > 0 ? `任务分解表有${rows}行有误，未登记任何事项，请改正后重新上传。`
    : esc(e.message)}</div>${problemsTable(e.problems)}`;
}

function childrenTable(children) {
  const rows = children.length === 0 ? '<tr><td colspan="8">尚未分解</td></tr>' : children.map(c => `
    <tr class="${c.overdue ? 'duban-overdue-row' : ''}"><td><a href="#/process-instance/${encodeURIComponent(c.processInstanceId)}/runtime">${esc(c.caseNumber)}</a></td>
      <td>${esc(c.title)}</td><td>${esc(c.leadUnitName)}</td><td>${esc(c.responsiblePerson)}</td><td>${esc(c.deadline)}</td>
      <td class="${c.overdue ? 'duban-late' : ''}">${c.overdue ? `逾期${c.workingDaysOverdue}个工作日` : ''}</td>
      <td style="color:${LEVEL_COLOURS[c.level]}">${esc(c.levelLabel)}</td><td>${esc(c.statusLabel)}</td></tr>`).join('');
  return `<table class="table table-condensed duban-children"><thead><tr><th>编号</th><th>事项</th><th>牵头单位</th>
    <th>责任人</th><th>完成时限</th><th>逾期</th><th>督办级别</th><th>状态</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function rowInputs() {
  return `<tr>${COLUMNS.map(([field, label]) => field === 'content' || field === 'milestones' || field === 'qualityChecklist'
    ? `<td><textarea name="${field}" rows="2" aria-label="${label}"></textarea></td>`
    : `<td><input type="${field === 'deadline' ? 'date' : 'text'}" name="${field}" aria-label="${label}"></td>`).join('')}</tr>`;
}

function splitSection(detail) {
  return `
    <h4>上传任务分解表 <small>每行一项任务，逐行校验；任何一行有误则全部不登记</small></h4>
    <form class="duban-upload">
      <p><a href="/api/breakdowns/${detail.id}/template" class="duban-template" download>下载任务分解表模板</a>
        （Excel，表头批注说明各列填法，另附“单位和人员”表）</p>
      <p><input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></p>
      <p><button type="submit" class="btn btn-primary">上传并分解立项</button></p>
    </form>
    <div class="duban-upload-result"></div>
    <h4>逐行填写 <small>不用表格时，在此每行填写一项任务；行号即第几行</small></h4>
    <form class="duban-rows">
      <table class="table table-condensed"><thead><tr>${COLUMNS.map(([, label, required]) =>
        `<th>${label}${required ? '*' : ''}</th>`).join('')}</tr></thead><tbody>${rowInputs()}</tbody></table>
      <p><button type="button" class="btn btn-default duban-add-row">添加一行</button>
        <button type="submit" class="btn btn-primary">逐行登记</button></p>
    </form>
    <div class="duban-rows-result"></div>`;
}

function parentSection(detail) {
  const p = detail.progress;
  return `
    <h3>${esc(detail.title)} <small>${esc(p.stateLabel)}</small></h3>
    <p class="duban-source">来源：${esc(detail.sourceLabel)}${detail.documentNumber ? `　文号：${esc(detail.documentNumber)}` : ''}
      ${detail.issuedOn ? `　日期：${esc(detail.issuedOn)}` : ''}　分管领导：${esc(detail.leaderName)}${detail.instructingLeaderName ? `　批示领导：${esc(detail.instructingLeaderName)}` : ''}　完成时限：${esc(detail.deadline)}
      　登记：${esc(detail.registeredBy)} ${esc(detail.registeredAt)}</p>
    <p class="duban-content">${esc(detail.content)}</p>
    <div class="duban-progress">
      <div>子事项 <strong>${p.children}</strong> 项，在办 <strong>${p.open}</strong> 项，逾期
        <strong class="${p.overdue > 0 ? 'duban-late' : ''}">${p.overdue}</strong> 项</div>
      <div>在办按督办级别：${levelCounts(p.byLevel)}</div>
      <div>按状态：${p.byStatus.filter(s => s.count > 0).map(s => `${esc(s.label)} ${s.count}`).join('，') || '—'}</div>
    </div>
    ${childrenTable(p.list)}
    ${detail.mayRegister && !p.done ? splitSection(detail) : ''}`;
}

async function showParent(node, id) {
  const section = node.querySelector('.duban-parent');
  section.innerHTML = '<p>加载中……</p>';
  let detail;
  try {
    detail = await call(`/${id}`);
  } catch (e) {
    section.innerHTML = `<div class="duban-error">${esc(e.message)}</div>`;
    return;
  }
  section.innerHTML = parentSection(detail);
  const upload = section.querySelector('.duban-upload');
  if (upload) {
    upload.addEventListener('submit', async event => {
      event.preventDefault();
      const result = section.querySelector('.duban-upload-result');
      const file = upload.file.files[0];
      if (!file) {
        result.innerHTML = '<div class="duban-error">请选择填好的任务分解表</div>';
        return;
      }
      const button = upload.querySelector('button');
      button.disabled = true;
      result.innerHTML = '<p>正在校验并登记……</p>';
      const data = new FormData();
      data.append('file', file);
      try {
        const done = await call(`/${id}/children`, {method: 'POST', body: data});
        await refresh(node, id, `<div class="duban-ok">${esc(done.message)}</div>`);
      } catch (e) {
        result.innerHTML = errorReport(e);
      } finally {
        button.disabled = false;
      }
    });
  }
  const rowsForm = section.querySelector('.duban-rows');
  if (rowsForm) {
    rowsForm.querySelector('.duban-add-row').addEventListener('click', () => {
      rowsForm.querySelector('tbody').insertAdjacentHTML('beforeend', rowInputs());
    });
    rowsForm.addEventListener('submit', async event => {
      event.preventDefault();
      const result = section.querySelector('.duban-rows-result');
      const rows = [...rowsForm.querySelectorAll('tbody tr')].map(tr => Object.fromEntries(
        COLUMNS.map(([field]) => [field, tr.querySelector(`[name=${field}]`).value])));
      try {
        const done = await call(`/${id}/children`, {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({rows})});
        await refresh(node, id, `<div class="duban-ok">${esc(done.message)}</div>`);
      } catch (e) {
        result.innerHTML = errorReport(e);
      }
    });
  }
}

async function refresh(node, id, message) {
  await mount(node, id);
  node.querySelector('.duban-message').innerHTML = message;
}

function bindParents(node, within) {
  within.querySelectorAll('[data-parent]').forEach(link => link.addEventListener('click', event => {
    event.preventDefault();
    showParent(node, link.dataset.parent);
  }));
}

// The done parents accumulate year after year: they are read only when asked, twenty at a time.
function bindDone(node) {
  const box = node.querySelector('.duban-done');
  const shown = [];
  const more = async before => {
    const asked = box.querySelector('.duban-done-more');
    asked.disabled = true;   // one page at a time: a second click would list it twice
    box.querySelector('.duban-done-result').textContent = '加载中……';
    try {
      const page = await call(`/done${before ? `?before=${encodeURIComponent(before)}` : ''}`);
      shown.push(...page.parents);
      box.innerHTML = `<h4>已完成的母事项</h4>${parentsTable(shown, '尚无已完成的母事项')}
        ${page.next ? '<p><button type="button" class="btn btn-default duban-done-more">更多</button></p>' : ''}
        <div class="duban-done-result"></div>`;
      bindParents(node, box);
      const button = box.querySelector('.duban-done-more');
      if (button) {
        button.addEventListener('click', () => more(page.next));
      }
    } catch (e) {
      asked.disabled = false;
      box.querySelector('.duban-done-result').innerHTML = `<div class="duban-error">加载失败（${esc(e.message)}），请重试</div>`;
    }
  };
  box.querySelector('.duban-done-more').addEventListener('click', () => more(null));
}

async function mount(node, parentId) {
  try {
    const overview = await call('');
    node.innerHTML = `
      <section class="duban-breakdown">
        <h3>分解立项 <small>一项决定分解为多项督办事项，每项各有牵头单位、责任人、时限和编号</small></h3>
        <div class="duban-message"></div>
        <h4>待分解和落实中的母事项</h4>
        ${parentsTable(overview.parents, '没有待分解或落实中的母事项')}
        <div class="duban-done">
          <p><button type="button" class="btn btn-default duban-done-more">查看已完成的母事项</button></p>
          <div class="duban-done-result"></div>
        </div>
        <div class="duban-parent"></div>
        ${overview.mayRegister ? parentForm(overview) : ''}
      </section>`;
    bindParents(node, node.querySelector('.duban-parents'));
    bindDone(node);
    const form = node.querySelector('.duban-parent-form');
    if (form) {
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const input = Object.fromEntries(['title', 'source', 'documentNumber', 'issuedOn', 'leaderInCharge', 'deadline',
          'content', 'instructingLeader'].map(name => [name, form[name].value]));
        try {
          const created = await call('', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify(input)});
          await refresh(node, created.id, `<div class="duban-ok">母事项“${esc(created.title)}”已登记，请下载模板填写任务分解表后上传</div>`);
        } catch (e) {
          form.querySelector('.duban-result').innerHTML = `<div class="duban-error">${esc(e.message)}</div>`;
        }
      });
    }
    if (parentId) {
      await showParent(node, parentId);
    }
  } catch (e) {
    node.innerHTML = `<section class="duban-breakdown"><h3>分解立项</h3><p>加载失败（${esc(e.message)}），请刷新页面重试。</p></section>`;
  }
}

export default cockpitPage('duban-breakdown', PAGE, '分解立项', 95, node => mount(node, parentFromHash()));
