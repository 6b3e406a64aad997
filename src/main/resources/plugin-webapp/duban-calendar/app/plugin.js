// 节假日安排 (R25): the holiday table of each year, official or provisional, and for the supervision
// office and administrators the form to enter a year's table from the State Council's notice.
// Data: /api/calendar with the webapp session; a change carries the session's CSRF token.
import {callApi, cockpitPage, esc} from '../../../duban-dashboard/static/app/common.js';
const PAGE = '/duban-calendar';

const call = (path, options) => callApi(`/api/calendar${path}`, options);

function yearsTable(overview) {
  const rows = overview.years.map(y => `
    <tr><td><a href="#" data-year="${y.year}">${y.year}年</a></td>
      <td class="${y.official ? '' : 'duban-provisional'}">${y.official ? '正式' : '暂按法定节假日计算'}</td>
      <td>${y.revision ? `第${y.revision}版` : ''}</td><td>${esc(y.origin)}</td><td>${esc(y.source)}</td>
      <td>${esc(y.enteredBy)}</td><td>${esc(y.enteredAt)}</td></tr>`).join('');
  return `<table class="table table-condensed duban-years"><thead><tr><th>年份</th><th>状态</th><th>版本</th>
    <th>来源</th><th>依据</th><th>录入人</th><th>录入时间</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reportTable(lines) {
  if (!lines.length) {
    return '';
  }
  return `<h4>时限调整清单 <small>${lines.length}项</small></h4>
    <table class="table table-condensed duban-report"><thead><tr><th>事项</th><th>调整内容</th><th>原时限</th>
    <th>新时限</th></tr></thead><tbody>${lines.map(l => `<tr><td>${esc(l.subject)}</td><td>${esc(l.what)}</td>
    <td>${esc(l.before)}</td><td>${esc(l.after)}</td></tr>`).join('')}</tbody></table>`;
}

function yearSection(overview, detail) {
  const days = detail.days.map(d => `<tr><td>${esc(d.date)}</td><td>${esc(d.weekday)}</td>
    <td class="${d.kind === '班' ? 'duban-work' : ''}">${d.kind === '班' ? '调休上班' : '放假'}</td><td>${esc(d.name)}</td></tr>`).join('');
  const revisions = detail.revisions.map(r => `<tr><td>第${r.revision}版</td><td>${esc(r.origin)}</td>
    <td>${esc(r.source)}</td><td>${esc(r.enteredBy)}</td><td>${esc(r.enteredAt)}</td>
    <td><a href="#" data-report="${r.revision}">调整清单</a></td></tr>`).join('');
  const form = overview.mayEnter ? `
    <h4>录入${detail.year}年节假日安排 <small>按国务院办公厅通知，每行“日期 休|班 名称”，连续日期写作“起..止”</small></h4>
    <form class="duban-entry">
      <p><input type="text" name="source" placeholder="通知文号，如：国办发明电〔${detail.year - 1}〕N号"></p>
      <p><textarea name="table" placeholder="${detail.year}-01-01 休 元旦&#10;${detail.year}-02-06 班 春节调休上班">${esc(detail.official ? detail.content : '')}</textarea></p>
      <p>或选择文件：<input type="file" name="file" accept=".txt,text/plain"></p>
      <p><button type="submit" class="btn btn-primary">保存并调整时限</button></p>
    </form>
    <div class="duban-result"></div>` : '<p>录入节假日安排须由督查室或系统管理员进行。</p>';
  return `
    <h3>${detail.year}年 <small class="${detail.official ? '' : 'duban-provisional'}">${detail.official ? '正式安排'
      : esc(overview.provisionalNote)}</small></h3>
    <div class="duban-columns">
      <div><table class="table table-condensed duban-days"><thead><tr><th>日期</th><th>星期</th><th>安排</th><th>名称</th></tr></thead>
        <tbody>${days}</tbody></table>
        ${detail.revisions.length ? `<h4>修订记录</h4><table class="table table-condensed"><thead><tr><th>版本</th><th>来源</th>
          <th>依据</th><th>录入人</th><th>录入时间</th><th></th></tr></thead><tbody>${revisions}</tbody></table>
          <div class="duban-revision-report"></div>` : ''}</div>
      <div>${form}</div>
    </div>`;
}

async function showYear(node, overview, year) {
  const section = node.querySelector('.duban-year');
  section.innerHTML = '<p>加载中……</p>';
  const detail = await call(`/${year}`);
  section.innerHTML = yearSection(overview, detail);
  section.querySelectorAll('[data-report]').forEach(link => link.addEventListener('click', async event => {
    event.preventDefault();
    const saved = await call(`/${year}/revisions/${link.dataset.report}`);
    section.querySelector('.duban-revision-report').innerHTML = reportTable(saved.report)
      || '<p>该版本未调整任何时限。</p>';
  }));
  const form = section.querySelector('.duban-entry');
  if (!form) {
    return;
  }
  form.file.addEventListener('change', () => {
    const file = form.file.files[0];
    if (file) {
      file.text().then(text => { form.table.value = text; });
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = section.querySelector('.duban-result');
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const saved = await call(`/${year}`, {
        method: 'PUT',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({table: form.table.value, source: form.source.value})
      });
      await mount(node, year);
      node.querySelector('.duban-result').innerHTML = `<div class="duban-ok">${esc(saved.message)}</div>`
        + reportTable(saved.report)
        + (saved.failed.length ? `<div class="duban-error">${saved.failed.length}个流程暂时无法调整，系统将于夜间自动重试。</div>` : '');
    } catch (e) {
      result.innerHTML = `<div class="duban-error">${esc(e.message)}${e.problems.length
        ? `<ul>${e.problems.map(p => `<li>${p.line > 0 ? `第${p.line}行：` : ''}${esc(p.message)}</li>`).join('')}</ul>` : ''}</div>`;
    } finally {
      button.disabled = false;
    }
  });
}

async function mount(node, year) {
  try {
    const overview = await call('');
    node.innerHTML = `
      <section class="duban-calendar">
        <h3>节假日安排 <small>时限按工作日计算：放假日不计，调休上班日计入</small></h3>
        ${overview.notice ? `<div class="duban-notice" role="alert">${esc(overview.notice)}</div>` : ''}
        ${yearsTable(overview)}
        <div class="duban-year"></div>
      </section>`;
    node.querySelectorAll('[data-year]').forEach(link => link.addEventListener('click', event => {
      event.preventDefault();
      showYear(node, overview, link.dataset.year);
    }));
    await showYear(node, overview, year || overview.nextYear);
  } catch (e) {
    node.innerHTML = `<section class="duban-calendar"><h3>节假日安排</h3><p>加载失败（${esc(e.message)}），请刷新页面重试。</p></section>`;
  }
}

export default cockpitPage('duban-calendar', PAGE, '节假日安排', 90, node => mount(node));
