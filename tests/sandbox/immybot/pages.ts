const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const STYLE =
  '<style>body{font:14px system-ui;margin:0;padding:12px;background:#fafbfc}h1{font-size:16px;margin:0 0 8px}</style>';

/** The Technician Tools page; `#pod-session` tells whether the frame got ImmyBot's session cookie. */
export function podPage(tenant: string, integrationId: string, faultId: string, user: string | null): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Technician Tools</title>${STYLE}</head>
<body><h1 id="pod-title">Technician Tools — ticket <span id="pod-fault-id">${escapeHtml(faultId)}</span></h1>
<p id="pod-session">${user ? `Signed in as ${escapeHtml(user)}` : 'Signed out — sign in to ImmyBot'}</p>
<p>Showing actions for Ben Castle (Ben.Castle@contoso.com) at ${escapeHtml(tenant)}</p>
<p id="pod-integration">HaloPSA integration ${escapeHtml(integrationId)}</p>
<h2>Tenant Tasks</h2><h2>Person Tasks</h2><h2>Computers</h2></body></html>`;
}

/** Stands in for ImmyBot's Microsoft sign-in (which refuses to be framed, so it is top-level only). */
export function signInPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in — ImmyBot</title>${STYLE}</head>
<body><h1>ImmyBot</h1><form method="post" action="/login"><button type="submit">Sign in with Microsoft</button></form></body></html>`;
}

export function signedInPage(user: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ImmyBot</title>${STYLE}</head>
<body><h1>ImmyBot</h1><p id="signed-in">Signed in as ${escapeHtml(user)}</p></body></html>`;
}
