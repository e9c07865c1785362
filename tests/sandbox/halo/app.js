// A HaloPSA-like agent app: a single-page app that moves between tickets with history.pushState.
// Served as an external script so it also runs under the strict CSP variant.
(() => {
  const main = document.getElementById('main');
  const title = document.getElementById('page-title');
  const TICKETS = [
    { id: 2152, summary: 'Outlook keeps asking for a password', client: 'Acorn Construction', user: 'Ben Castle' },
    { id: 2820, summary: 'New starter laptop', client: 'Acorn Construction', user: 'Dana Ruiz' },
    { id: 3001, summary: 'VPN drops every hour', client: 'Birch Legal', user: 'Eli Park' },
    { id: 3002, summary: 'Printer offline on floor 2', client: 'Birch Legal', user: 'Fay Moss' },
  ];
  // Only tenants whose admin configured the Custom Tab have it (the sandbox: `custom.halopsa.com`).
  const withCustomTab = location.hostname.startsWith('custom.');
  const listQuery = 'showalltickettypes=1&mainview=all&viewid=1&selid=-1&sellevel=1&selparentid=0';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function renderList() {
    title.textContent = 'Tickets';
    const rows = TICKETS.map((t) =>
      el(
        'tr',
        {},
        el('td', {}, el('a', { href: `/tickets?${listQuery}&id=${t.id}`, 'data-ticket': String(t.id) }, String(t.id))),
        el('td', {}, t.summary),
        el('td', {}, t.client),
      ),
    );
    main.replaceChildren(el('table', { class: 'ticket-list' }, el('tbody', {}, ...rows)));
  }

  // HaloPSA 2.125.5+ Custom Tab: ImmyBot's Technician Tools in an iframe, $FAULTID replaced by the ticket id.
  // The chosen tab stays chosen from ticket to ticket, as in HaloPSA.
  let customTabOpen = false;
  const customTabUrl = (id) => `https://acme.immy.bot/technician-pod/psa/619/ticket/${id}`;
  function ticketTabs(id) {
    const panel = el('div', { class: 'ticket-tab-panel' });
    const show = () => {
      if (customTabOpen)
        panel.replaceChildren(el('iframe', { class: 'custom-tab', title: 'ImmyBot', src: customTabUrl(id) }));
      else panel.replaceChildren(el('p', {}, 'Details'));
    };
    const tab = (label, open) => {
      const button = el('button', { type: 'button', class: 'ticket-tab', 'data-custom-tab': String(open) }, label);
      button.addEventListener('click', () => {
        customTabOpen = open;
        show();
      });
      return button;
    };
    show();
    return el('div', { class: 'ticket-tabs' }, tab('Details', false), tab('ImmyBot', true), panel);
  }

  function renderTicket(id) {
    const t = TICKETS.find((x) => x.id === id) || { id, summary: `Ticket ${id}`, client: 'Unknown', user: 'Unknown' };
    title.textContent = `[ID:${String(id).padStart(7, '0')}] ${t.summary}`;
    main.replaceChildren(
      el(
        'div',
        { id: 'ticketdetails-details' },
        el('div', { class: 'dropzone-container', id: String(id) }),
        el('p', { class: 'breadcrumbs' }, `Tickets > Service Desk > ${id}`),
        el('p', {}, `Client: ${t.client} — User: ${t.user}`),
        el('div', { class: 'details-sidebar' }, el('button', { id: 'ticket-actions' }, 'Actions')),
        ...(withCustomTab ? [ticketTabs(id)] : []),
      ),
    );
  }

  function render() {
    const url = new URL(location.href);
    const path = url.pathname.replace(/\/+$/, '');
    const id = Number(url.searchParams.get('id'));
    document.body.dataset.route = path + url.search;
    if ((path === '/ticket' || path === '/tickets') && id > 0) renderTicket(id);
    else if (path.startsWith('/config')) {
      title.textContent = 'Configuration';
      main.replaceChildren(el('p', {}, 'Ticket type settings'));
    } else if (path.startsWith('/portal')) {
      title.textContent = 'Self-service portal';
      main.replaceChildren(el('p', {}, 'Your request'));
    } else renderList();
  }

  /** What HaloPSA's router does: change the URL without a reload, then render. */
  window.haloNavigate = (href, options) => {
    if (options?.replace) history.replaceState({}, '', href);
    else history.pushState({}, '', href);
    render();
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="/"]');
    if (!link) return;
    event.preventDefault();
    window.haloNavigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);
  // Proves a test's navigation happened without a reload: a reload would lose it.
  window.haloLoadId = Math.random().toString(36).slice(2);
  render();
})();
