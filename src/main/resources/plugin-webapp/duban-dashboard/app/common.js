// What every Cockpit page of Duban needs: its entry in Cockpit's navigation and its route,
// escaping for the HTML it writes, the colours of the warning levels, and a JSON call to the
// application's API with the webapp session and its CSRF token. The other plugins import it from
// here ('../../../duban-dashboard/static/app/common.js').

/**
 * A page of its own in Cockpit: its link in the navigation bar, placed by priority, and its
 * route at #path, drawn by render(node, {api}).
 */
export function cockpitPage(id, path, label, priority, render) {
  return [{
    id: `${id}-navigation`,
    pluginPoint: 'cockpit.navigation',
    priority,
    properties: {path},
    render: node => {
      node.innerHTML = `<a href="#${path}">${label}</a>`;
    }
  }, {
    id: `${id}-page`,
    pluginPoint: 'cockpit.route',
    properties: {path},
    render
  }];
}

export const LEVEL_COLOURS = {GREEN: '#1b7f3b', YELLOW: '#b8860b', RED: '#c00000', ACCOUNTABILITY: '#6b1d1d'};

export function esc(value) {
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

/** The session's CSRF token from its cookie, or the one Cockpit's plugin API holds. */
export function csrfToken(api) {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : (api && api.CSRFToken) || '';
}

/** The JSON answer of an API call; a refusal throws its Chinese detail, with the problems it lists. */
export async function callApi(url, options = {}) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    ...options,
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(), ...(options.headers || {})}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.detail || `请求失败（${response.status}）`);
    error.problems = body.problems || [];
    throw error;
  }
  return body;
}
