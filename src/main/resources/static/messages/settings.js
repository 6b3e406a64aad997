// 消息提醒设置 (R33): the logged-in person's own channels, phone and quiet hours, through
// /api/messages/settings with the webapps' session (a change carries the session's CSRF token).
(function () {
  const form = document.getElementById('settings');
  const status = document.getElementById('status');

  function token() {
    const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
  }

  function fill(s) {
    form.mail.checked = s.mail;
    form.webhook.checked = s.webhook;
    form.sms.checked = s.sms;
    form.phone.value = s.phone || '';
    form.quietFrom.value = s.quietFrom;
    form.quietUntil.value = s.quietUntil;
  }

  fetch('/api/messages/settings', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(response => {
      if (response.status === 401 || response.status === 403) {
        throw new Error('请先登录任务列表（Tasklist），再打开本页。');
      }
      if (!response.ok) {
        throw new Error('设置加载失败（' + response.status + '），请刷新重试。');
      }
      return response.json();
    })
    .then(s => {
      fill(s);
      form.hidden = false;
      say('');
    })
    .catch(e => say(e.message, true));

  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = {
      mail: form.mail.checked, webhook: form.webhook.checked, sms: form.sms.checked,
      phone: form.phone.value, quietFrom: form.quietFrom.value, quietUntil: form.quietUntil.value
    };
    fetch('/api/messages/settings', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': token()},
      body: JSON.stringify(body)
    })
      .then(response => response.json().catch(() => ({})).then(json => ({response, json})))
      .then(({response, json}) => {
        if (!response.ok) {
          throw new Error(json.detail || json.message || ('保存失败（' + response.status + '）'));
        }
        fill(json);
        say('已保存。');
      })
      .catch(e => say(e.message, true));
  });
})();
