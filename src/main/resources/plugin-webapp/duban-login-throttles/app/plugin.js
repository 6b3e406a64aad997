// 登录限制: Camunda Admin's system settings list the login throttles and lift one.
// Data: /api/login-throttles with the webapp session, for administrators only.

function esc(value) {
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

function waitText(seconds) {
  return seconds < 120 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
}

// the session's CSRF token: the project's API refuses a DELETE with the webapp session without it
function csrfToken(api) {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

function rows(throttles) {
  if (throttles.length === 0) {
    return '<tr><td colspan="6">当前没有登录限制</td></tr>';
  }
  return throttles.map(t => `
    <tr data-id="${t.id}">
      <td>${esc(t.address)}</td>
      <td>${t.userId === null ? '<em>该地址全部用户</em>' : esc(t.userId)}</td>
      <td>${t.failures}</td>
      <td>${esc(t.lastFailureAt)}</td>
      <td>${t.waitSeconds > 0
        ? `<span class="duban-waiting">限制中</span>，${esc(waitText(t.waitSeconds))}后可再试（至 ${esc(t.blockedUntil)}）`
        : '计数中，暂未限制'}</td>
      <td><button type="button" class="btn btn-default btn-sm duban-lift" data-id="${t.id}">解除</button></td>
    </tr>`).join('');
}

function mount(node, api) {
  const base = '/api/login-throttles';
  node.innerHTML = `
    <section class="duban-throttles">
      <h3>登录限制</h3>
      <p class="duban-hint">同一地址连续输错密码后，须等待一段时间才能再次尝试，每多错一次等待时间加倍，到期自动解除；
        知道密码的用户从其他地址登录不受影响。“该地址全部用户”一行统计该地址对所有用户的失败次数，解除它即解除该地址的全部限制。</p>
      <p class="duban-status"></p>
      <table class="table table-condensed">
        <thead><tr><th>客户端地址</th><th>用户</th><th>失败次数</th><th>最近失败时间</th><th>状态</th><th></th></tr></thead>
        <tbody><tr><td colspan="6">加载中……</td></tr></tbody>
      </table>
    </section>`;
  const body = node.querySelector('tbody');
  const status = node.querySelector('.duban-status');

  const load = () => fetch(base, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(response => {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(throttles => {
      body.innerHTML = rows(throttles);
    })
    .catch(e => {
      body.innerHTML = `<tr><td colspan="6">登录限制加载失败（${esc(e.message)}），请刷新页面重试。</td></tr>`;
    });

  body.addEventListener('click', event => {
    const button = event.target.closest('.duban-lift');
    if (!button) {
      return;
    }
    button.disabled = true;
    const row = button.closest('tr');
    const who = `${row.children[0].textContent} ${row.children[1].textContent}`;
    fetch(`${base}/${encodeURIComponent(button.dataset.id)}`, {
      method: 'DELETE',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api)},
      credentials: 'same-origin'
    })
      .then(response => {
        if (!response.ok && response.status !== 404) {
          throw new Error(response.status);
        }
        status.textContent = `已解除：${who}`;
        return load();
      })
      .catch(e => {
        button.disabled = false;
        status.textContent = `解除失败（${e.message}），请重试。`;
      });
  });

  load();
}

// A section of its own in Admin's system settings (系统设置 → 登录限制), for administrators.
export default {
  id: 'duban-login-throttles',
  pluginPoint: 'admin.system',
  priority: 900,
  properties: {label: '登录限制'},
  render: (node, {api}) => mount(node, api)
};
