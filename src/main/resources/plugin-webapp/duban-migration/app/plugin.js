// 版本迁移 (issue 15): after a new version of a process is deployed, the running instances on older
// versions, per process; the generated migration plan from an older version to the latest with
// every instance checked against it (those that cannot move, and why); the move, of the chosen
// instances one by one or of all of them as a batch. Data: /api/migrations with the webapp session;
// a change carries the session's CSRF token.
import {callApi, cockpitPage, esc} from '../../../duban-dashboard/static/app/common.js';
const PAGE = '/duban-migration';

const call = (path, options) => callApi(`/api/migrations${path}`, options);

function processesTable(processes) {
  const rows = processes.map(p => `
    <tr class="${p.onOlder > 0 ? 'duban-pending' : ''}"><td>${esc(p.name || p.key)}<br><small>${esc(p.key)}</small></td>
      <td>第${p.latest.version}版</td><td>${p.latest.running}</td>
      <td>${p.onOlder > 0 ? `<strong>${p.onOlder}</strong>` : '0'}</td>
      <td>${p.older.map(v => `<a href="#" data-key="${esc(p.key)}" data-from="${esc(v.definitionId)}">第${v.version}版：${v.running}个</a>`).join('<br>') || '—'}</td></tr>`).join('');
  return `<table class="table table-condensed duban-processes"><thead><tr><th>流程</th><th>最新版本</th>
    <th>最新版本上运行</th><th>旧版本上运行</th><th>旧版本（点击生成迁移方案）</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function runsTable(runs) {
  if (!runs.length) {
    return '<p>尚无迁移记录</p>';
  }
  return `<table class="table table-condensed duban-runs"><thead><tr><th>时间</th><th>操作人</th><th>流程</th><th>版本</th>
    <th>方式</th><th>迁移</th><th>未迁移</th></tr></thead><tbody>${runs.map(r => `<tr><td>${esc(r.startedAt)}</td>
    <td>${esc(r.startedBy)}</td><td>${esc(r.processKey)}</td><td>第${r.sourceVersion}版→第${r.targetVersion}版</td>
    <td>${r.asynchronous ? '批量（后台）' : '逐个'}</td><td>${r.moved}</td>
    <td title="${esc(r.refusals)}">${r.refused}</td></tr>`).join('')}</tbody></table>`;
}

function planSection(plan) {
  const movable = plan.instances.filter(i => i.movable).length;
  const refused = plan.instances.length - movable;
  const rows = plan.instances.map(i => `
    <tr class="${i.movable ? '' : 'duban-refused'}">
      <td><input type="checkbox" name="instance" value="${esc(i.processInstanceId)}" ${i.movable ? 'checked' : 'disabled'}></td>
      <td><a href="#/process-instance/${encodeURIComponent(i.processInstanceId)}/runtime">${esc(i.businessKey || i.processInstanceId)}</a></td>
      <td>${i.waitingAt.map(esc).join('、')}</td>
      <td>${i.movable ? '<span class="duban-ok-text">可迁移</span>' : `<span class="duban-late">不能迁移</span>：${i.reasons.map(esc).join('；')}`}</td></tr>`).join('');
  return `
    <h4>${esc(plan.source.name || plan.key)}：第${plan.source.version}版 → 第${plan.target.version}版
      <small>按相同环节标识自动生成迁移方案，定时器按新版本重新设定（时限取自流程变量，不变）</small></h4>
    ${plan.problems.length ? `<div class="duban-error">无法生成迁移方案：${plan.problems.map(esc).join('；')}</div>` : ''}
    <p>校验结果：<strong>${movable}</strong>个流程实例可迁移，<strong class="${refused > 0 ? 'duban-late' : ''}">${refused}</strong>个不能迁移（保持原版本不变）。</p>
    ${plan.unmapped.length ? `<p class="help-block">旧版本中在新版本里没有对应的环节：${plan.unmapped.map(esc).join('、')}。停留在这些环节的实例不能迁移。</p>` : ''}
    <details><summary>迁移方案（${plan.mappings.length}条环节映射）</summary>
      <table class="table table-condensed"><thead><tr><th>旧版本环节</th><th>新版本环节</th></tr></thead><tbody>
      ${plan.mappings.map(m => `<tr><td>${esc(m.sourceName || m.sourceActivityId)}</td><td>${esc(m.targetName || m.targetActivityId)}</td></tr>`).join('')}
      </tbody></table></details>
    <form class="duban-move">
      <table class="table table-condensed duban-instances"><thead><tr><th></th><th>编号</th><th>停留环节</th><th>校验</th></tr></thead>
        <tbody>${rows || '<tr><td colspan="4">该版本上没有运行的流程实例</td></tr>'}</tbody></table>
      <p><button type="submit" class="btn btn-primary" ${movable ? '' : 'disabled'}>迁移所选实例（逐个，每个实例单独提交）</button>
        <button type="button" class="btn btn-default duban-batch" ${movable ? '' : 'disabled'}>全部可迁移实例批量迁移（后台执行）</button></p>
    </form>
    <div class="duban-move-result"></div>`;
}

function outcomeReport(outcome) {
  const refused = outcome.refused.length ? `<table class="table table-condensed"><thead><tr><th>编号</th><th>未迁移原因</th></tr></thead>
    <tbody>${outcome.refused.map(r => `<tr><td>${esc(r.businessKey || r.processInstanceId)}</td><td>${r.reasons.map(esc).join('；')}</td></tr>`).join('')}</tbody></table>` : '';
  return `<div class="duban-ok">${esc(outcome.message)}</div>${refused}
    ${outcome.batchId ? `<p class="duban-batch-progress" data-batch="${esc(outcome.batchId)}">批量迁移已提交……</p>` : ''}`;
}

async function followBatch(node, batchId) {
  const line = node.querySelector('.duban-batch-progress');
  for (let i = 0; i < 120 && line && document.body.contains(line); i++) {
    try {
      const progress = await call(`/batches/${encodeURIComponent(batchId)}`);
      line.textContent = progress.message;
      if (progress.done) {
        return;
      }
    } catch (e) {
      line.textContent = e.message;
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

async function showPlan(node, key, from) {
  const section = node.querySelector('.duban-plan');
  section.innerHTML = '<p>正在生成迁移方案并逐个校验流程实例……</p>';
  let plan;
  try {
    plan = await call(`/${encodeURIComponent(key)}/plan?from=${encodeURIComponent(from)}`);
  } catch (e) {
    section.innerHTML = `<div class="duban-error">${esc(e.message)}</div>`;
    return;
  }
  section.innerHTML = planSection(plan);
  const form = section.querySelector('.duban-move');
  const move = async asynchronous => {
    const result = section.querySelector('.duban-move-result');
    const chosen = [...form.querySelectorAll('input[name=instance]:checked')].map(i => i.value);
    if (!asynchronous && chosen.length === 0) {
      result.innerHTML = '<div class="duban-error">请勾选要迁移的流程实例</div>';
      return;
    }
    form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    result.innerHTML = '<p>正在迁移……</p>';
    try {
      const outcome = await call(`/${encodeURIComponent(key)}`, {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({sourceDefinitionId: from, processInstanceIds: asynchronous ? [] : chosen, asynchronous})});
      await mount(node);
      node.querySelector('.duban-message').innerHTML = outcomeReport(outcome);
      if (outcome.batchId) {
        followBatch(node, outcome.batchId);
      }
    } catch (e) {
      result.innerHTML = `<div class="duban-error">${esc(e.message)}</div>`;
      form.querySelectorAll('button').forEach(b => { b.disabled = false; });
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    move(false);
  });
  form.querySelector('.duban-batch').addEventListener('click', () => move(true));
}

async function mount(node) {
  try {
    const overview = await call('');
    node.innerHTML = `
      <section class="duban-migration">
        <h3>版本迁移 <small>新版本流程部署后，将仍在旧版本上运行的事项迁移到新版本</small></h3>
        <div class="duban-message"></div>
        ${processesTable(overview.processes)}
        <div class="duban-plan"></div>
        <h4>迁移记录</h4>
        ${runsTable(overview.runs)}
      </section>`;
    node.querySelectorAll('[data-from]').forEach(link => link.addEventListener('click', event => {
      event.preventDefault();
      showPlan(node, link.dataset.key, link.dataset.from);
    }));
  } catch (e) {
    node.innerHTML = `<section class="duban-migration"><h3>版本迁移</h3><p>${esc(e.message)}</p></section>`;
  }
}

export default cockpitPage('duban-migration', PAGE, '版本迁移', 94, node => mount(node));
