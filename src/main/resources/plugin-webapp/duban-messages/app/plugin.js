// 消息提醒 (R33): Camunda Admin's system settings for the messages: each event's recipients, its
// Chinese template, and the group robots (enterprise WeChat, DingTalk) of units and people.
// Data: /api/messages with the webapp session, for administrators only.

function esc(value) {
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

// the session's CSRF token: the project's API refuses a change with the webapp session without it
function csrfToken(api) {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

const ROLES = {
  UNIT_HANDLERS: '承办单位经办人', UNIT_HEAD: '承办单位主要负责人', POST_HOLDER: '岗位A/B角',
  LEADER_IN_CHARGE: '分管领导', INSTRUCTING_LEADER: '批示领导', SUBJECT: '问责对象', PERSON: '指定人员',
  SUPERVISION_OFFICE: '督查室'
};
const KINDS = {WECHAT: '企业微信', DINGTALK: '钉钉'};

function mount(node, api) {
  const base = '/api/messages';
  node.innerHTML = `
    <section class="duban-messages">
      <h3>消息提醒</h3>
      <p class="duban-hint">督办事项的新任务、时限提醒、通知单、问责决定等按下表发送给相关人员（邮件、群机器人、短信，
        渠道在服务器配置中开启）。占位符如 {caseNumber}、{title}、{unitName}、{deadline}、{level}、{link}、{recipientName}
        在发送时替换；标题和正文都清空后保存即恢复默认模板。</p>
      <p class="duban-status"></p>
      <h4>消息类别、接收人和模板</h4>
      <table class="table table-condensed duban-types"><tbody><tr><td>加载中……</td></tr></tbody></table>
      <h4>群机器人</h4>
      <table class="table table-condensed duban-webhooks"><thead><tr><th>接收方</th><th>类型</th><th>地址</th><th>加签</th><th></th></tr></thead>
        <tbody></tbody></table>
      <form class="form-inline duban-webhook-form">
        <input class="form-control" name="owner" placeholder="UNIT:单位代码 或 PERSON:用户名" required>
        <select class="form-control" name="kind"><option value="WECHAT">企业微信</option><option value="DINGTALK">钉钉</option></select>
        <input class="form-control" name="url" placeholder="Webhook 地址" size="50" required>
        <input class="form-control" name="secret" placeholder="钉钉加签密钥（可选）">
        <button type="submit" class="btn btn-default">保存机器人</button>
      </form>
    </section>`;
  const status = node.querySelector('.duban-status');
  const say = text => { status.textContent = text; };
  const call = (method, path, body) => fetch(base + path, {
    method,
    credentials: 'same-origin',
    headers: Object.assign({Accept: 'application/json'}, method === 'GET' ? {}
      : {'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(api)}),
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(response => response.text().then(text => {
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.detail) || response.status);
    }
    return json;
  }));

  const loadTypes = () => Promise.all([call('GET', '/templates'), call('GET', '/recipients')]).then(([templates, recipients]) => {
    node.querySelector('.duban-types tbody').innerHTML = templates.map(t => `
      <tr data-type="${esc(t.type)}">
        <td><strong>${esc(t.label)}</strong><br><small>${esc(t.type)}</small>
          ${t.custom ? '<br><small class="duban-custom">已修改</small>' : ''}</td>
        <td class="duban-roles">${Object.keys(ROLES).map(r => `<label><input type="checkbox" value="${r}"
          ${(recipients[t.type] || []).includes(r) ? 'checked' : ''}> ${ROLES[r]}</label>`).join('')}
          <br><button type="button" class="btn btn-default btn-xs duban-save-roles">保存接收人</button></td>
        <td><input class="form-control duban-subject" value="${esc(t.subject)}">
          <textarea class="form-control" rows="5">${esc(t.body)}</textarea>
          <button type="button" class="btn btn-default btn-xs duban-save-template">保存模板</button></td>
      </tr>`).join('');
  });
  const loadWebhooks = () => call('GET', '/webhooks').then(hooks => {
    node.querySelector('.duban-webhooks tbody').innerHTML = hooks.length === 0 ? '<tr><td colspan="5">未配置群机器人</td></tr>'
      : hooks.map(h => `<tr><td>${esc(h.owner)}</td><td>${esc(KINDS[h.kind] || h.kind)}</td><td>${esc(h.url)}</td>
        <td>${h.secret ? '已设置' : ''}</td>
        <td><button type="button" class="btn btn-default btn-xs duban-remove-webhook" data-owner="${esc(h.owner)}">删除</button></td></tr>`).join('');
  });

  node.addEventListener('click', event => {
    const row = event.target.closest('tr[data-type]');
    if (event.target.closest('.duban-save-roles') && row) {
      const roles = Array.from(row.querySelectorAll('.duban-roles input:checked')).map(i => i.value);
      call('PUT', `/recipients/${row.dataset.type}`, roles).then(() => say('接收人已保存。')).catch(e => say(`保存失败：${e.message}`));
    } else if (event.target.closest('.duban-save-template') && row) {
      call('PUT', `/templates/${row.dataset.type}`, {subject: row.querySelector('.duban-subject').value,
        body: row.querySelector('textarea').value})
        .then(() => loadTypes()).then(() => say('模板已保存。')).catch(e => say(`保存失败：${e.message}`));
    } else if (event.target.closest('.duban-remove-webhook')) {
      const owner = event.target.closest('.duban-remove-webhook').dataset.owner;
      call('DELETE', `/webhooks/${encodeURIComponent(owner)}`).then(() => loadWebhooks())
        .then(() => say(`已删除：${owner}`)).catch(e => say(`删除失败：${e.message}`));
    }
  });
  node.querySelector('.duban-webhook-form').addEventListener('submit', event => {
    event.preventDefault();
    const f = event.target;
    call('PUT', `/webhooks/${encodeURIComponent(f.owner.value.trim())}`, {kind: f.kind.value, url: f.url.value,
      secret: f.secret.value})
      .then(() => { f.reset(); return loadWebhooks(); }).then(() => say('群机器人已保存。'))
      .catch(e => say(`保存失败：${e.message}`));
  });

  loadTypes().then(loadWebhooks).catch(e => say(`加载失败（${e.message}），请刷新页面重试。`));
}

// A section of its own in Admin's system settings (系统设置 → 消息提醒), for administrators.
export default {
  id: 'duban-messages',
  pluginPoint: 'admin.system',
  priority: 800,
  properties: {label: '消息提醒'},
  render: (node, {api}) => mount(node, api)
};
