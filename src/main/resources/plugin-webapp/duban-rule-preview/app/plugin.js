// 规则预览 (issue 15): before a changed case-score.dmn, complaint-score.dmn or annual-grade.dmn is
// deployed, the analyst uploads it here; the year's events are scored again with it and with
// today's table, and the page shows side by side every unit's score, rank and tier and every
// person's score and grade, what would change first, and offers the same as an Excel workbook.
// Nothing is booked or deployed. Data: /api/rule-preview with the webapp session and its CSRF token.
import {cockpitPage, csrfToken, esc} from '../../../duban-dashboard/static/app/common.js';
const PAGE = '/duban-rule-preview';

async function send(path, form) {
  const response = await fetch(`/api/rule-preview${path}`, {
    method: 'POST', credentials: 'same-origin', body: form,
    headers: {Accept: path ? '*/*' : 'application/json', 'X-XSRF-TOKEN': csrfToken()}
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.detail || `请求失败（${response.status}）`);
  }
  return response;
}

function delta(before, after) {
  const d = Number(after) - Number(before);
  return d === 0 ? '' : `<span class="${d < 0 ? 'duban-down' : 'duban-up'}">${d > 0 ? '+' : ''}${Math.round(d * 100) / 100}</span>`;
}

function rulesTable(rules) {
  if (!rules.length) {
    return '';
  }
  return `<h4>记分规则的变化</h4><table class="table table-condensed"><thead><tr><th>规则</th><th>对象</th><th>现行</th>
    <th>次数</th><th>分值合计</th><th>预览</th><th>次数</th><th>分值合计</th></tr></thead><tbody>
    ${rules.map(r => `<tr class="${r.changed ? 'duban-changed' : ''}"><td>${esc(r.rule)}</td><td>${esc(r.subject)}</td>
      <td>${esc(r.labelToday)}</td><td>${r.entriesToday}</td><td>${esc(r.pointsToday)}</td><td>${esc(r.labelPreview)}</td>
      <td>${r.entriesPreview}</td><td>${esc(r.pointsPreview)} ${delta(r.pointsToday, r.pointsPreview)}</td></tr>`).join('')}
    </tbody></table>`;
}

function unitsTable(units) {
  return `<h4>单位得分、名次和档次</h4><table class="table table-condensed"><thead><tr><th>单位</th><th>现行得分</th><th>名次</th>
    <th>档次</th><th>预览得分</th><th>名次</th><th>档次</th></tr></thead><tbody>
    ${units.map(u => `<tr class="${u.changed ? 'duban-changed' : ''}"><td>${esc(u.unitName)}</td><td>${esc(u.scoreToday)}</td>
      <td>${u.rankToday}</td><td>${esc(u.tierToday)}</td><td>${esc(u.scorePreview)} ${delta(u.scoreToday, u.scorePreview)}</td>
      <td>${u.rankPreview}</td><td>${esc(u.tierPreview)}</td></tr>`).join('')}</tbody></table>`;
}

function peopleTable(people) {
  return `<h4>个人得分和等次 <small>有变化的排在前面</small></h4><table class="table table-condensed"><thead><tr><th>姓名</th><th>单位</th>
    <th>现行得分</th><th>等次</th><th>预览得分</th><th>等次</th><th>预览依据</th></tr></thead><tbody>
    ${people.map(p => `<tr class="${p.changed ? 'duban-changed' : ''}"><td>${esc(p.personName)}</td><td>${esc(p.unitName)}</td>
      <td>${esc(p.scoreToday)}</td><td>${esc(p.gradeToday)}</td><td>${esc(p.scorePreview)} ${delta(p.scoreToday, p.scorePreview)}</td>
      <td>${esc(p.gradePreview)}</td><td>${esc(p.reasonsPreview)}</td></tr>`).join('')}</tbody></table>`;
}

function mount(node) {
  const year = new Date().getFullYear();
  node.innerHTML = `
    <section class="duban-rule-preview">
      <h3>规则预览 <small>部署修改后的记分或等次规则之前，先看它对本年度已发生事项的影响；预览不记分、不部署</small></h3>
      <form class="duban-preview-form">
        <p>在 Camunda Modeler 中修改 <code>case-score.dmn</code>（督办事项记分）、<code>complaint-score.dmn</code>（投诉记分）
          或 <code>annual-grade.dmn</code>（年度等次）后，选择该文件：</p>
        <p><input type="file" name="file" accept=".dmn,.xml"></p>
        <p><label>年度 <input type="number" name="year" value="${year}" min="2000" max="${year}"></label></p>
        <p><button type="submit" class="btn btn-primary">预览</button>
          <button type="button" class="btn btn-default duban-xlsx">下载Excel</button></p>
      </form>
      <div class="duban-preview-result"></div>
    </section>`;
  const form = node.querySelector('.duban-preview-form');
  const result = node.querySelector('.duban-preview-result');
  const data = () => {
    const file = form.file.files[0];
    if (!file) {
      throw new Error('请选择修改后的决策表文件（.dmn）');
    }
    const body = new FormData();
    body.append('file', file);
    return body;
  };
  const query = () => `?year=${encodeURIComponent(form.year.value)}`;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.innerHTML = '<p>正在重新计算……</p>';
    try {
      const preview = await (await send(query(), data())).json();
      result.innerHTML = `<div class="duban-ok">${esc(preview.summary)}</div>
        <p>决策表：${esc(preview.decisionName)}（${esc(preview.decisionKey)}），文件 ${esc(preview.fileName)}，${preview.year}年度</p>
        ${rulesTable(preview.rules)}${unitsTable(preview.units)}${peopleTable(preview.people)}`;
    } catch (e) {
      result.innerHTML = `<div class="duban-error" role="alert">${esc(e.message)}</div>`;
    }
  });
  form.querySelector('.duban-xlsx').addEventListener('click', async () => {
    try {
      const blob = await (await send(`/xlsx${query()}`, data())).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `规则变更预览-${form.year.value}.xlsx`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      result.innerHTML = `<div class="duban-error" role="alert">${esc(e.message)}</div>`;
    }
  });
}

export default cockpitPage('duban-rule-preview', PAGE, '规则预览', 93, node => mount(node));
