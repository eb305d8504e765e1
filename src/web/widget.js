// The shopmate chat widget: picks a development session, then chats over the
// `/shop` socket.io namespace. Everything from the server is rendered with
// textContent, never as HTML.
(() => {
  'use strict';

  const SESSION_KEY = 'shopmate.session';
  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'),
    switchButton: $('switch'),
    picker: $('picker'),
    customers: $('customers'),
    customForm: $('custom-customer'),
    chat: $('chat'),
    error: $('error'),
    messages: $('messages'),
    composer: $('composer'),
    text: $('text'),
  };

  let socket = null;
  let lastSeq = 0;
  /** turnId → { element, nextIndex, done } of the agent's reply. */
  const turns = new Map();
  /** clientMessageId → { text, element, acked } of the shopper's messages. */
  const outbox = new Map();
  const renderedSeqs = new Set();

  // ---- small helpers -------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const pounds = (value) => `£${Number(value).toFixed(2)}`;
  // Titles are upper case in the data; CSS capitalises the lowered text.
  const softCase = (text) => text.toLowerCase();

  function setStatus(state, label) {
    ui.status.dataset.state = state;
    ui.status.textContent = label ?? state;
  }

  let errorTimer = null;
  function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => (ui.error.hidden = true), 8000);
  }

  function hideError() {
    clearTimeout(errorTimer);
    ui.error.hidden = true;
  }

  // Text typed before a session is connected would be sent as whichever
  // shopper is picked next, so the composer only works while connected.
  function setComposerEnabled(enabled) {
    const wasDisabled = ui.text.disabled;
    for (const control of ui.composer.elements) control.disabled = !enabled;
    if (enabled && wasDisabled) ui.text.focus();
  }

  function scrollDown() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function newId() {
    return crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  }

  // ---- rendering -------------------------------------------------------------

  function addBubble(role) {
    const item = el('li', `message ${role}`);
    item.append(el('span', 'text'));
    ui.messages.append(item);
    scrollDown();
    return item;
  }

  function productCard(card) {
    const node = el('article', 'card product');
    node.append(el('div', 'card-title', softCase(card.title)));
    const meta = el('div', 'card-meta');
    meta.append(el('span', 'card-price', pounds(card.price)));
    meta.append(document.createTextNode(` · ${card.stockCode}`));
    node.append(meta);
    if (card.reason) node.append(el('div', 'card-reason', card.reason));
    return node;
  }

  function orderCard(card) {
    const node = el('article', 'card order');
    node.append(el('div', 'card-title', `Order ${card.invoice}`));
    node.append(
      el(
        'div',
        'card-meta',
        `${card.date.slice(0, 16)} · ${card.status} · ${pounds(card.total)}`,
      ),
    );
    const table = el('table');
    for (const line of card.lines) {
      const row = el('tr');
      row.append(el('td', 'num', `${line.quantity}×`));
      row.append(el('td', '', softCase(line.title)));
      row.append(el('td', 'num', pounds(line.unitPrice)));
      table.append(row);
    }
    node.append(table);
    return node;
  }

  function renderCards(bubble, cards) {
    bubble.querySelector('.cards')?.remove();
    if (!cards || cards.length === 0) return;
    const list = el('div', 'cards');
    for (const card of cards)
      list.append(card.type === 'order' ? orderCard(card) : productCard(card));
    bubble.append(list);
  }

  function turnOf(turnId) {
    let turn = turns.get(turnId);
    if (!turn) {
      turn = {
        element: addBubble('agent streaming'),
        nextIndex: 0,
        done: false,
      };
      turns.set(turnId, turn);
    }
    return turn;
  }

  function finishTurn(turnId, text, cards, seq) {
    const turn = turnOf(turnId);
    turn.done = true;
    turn.element.classList.remove('streaming');
    turn.element.querySelector('.text').textContent = text;
    renderCards(turn.element, cards);
    noteSeq(seq);
    scrollDown();
  }

  function noteSeq(seq) {
    renderedSeqs.add(seq);
    lastSeq = Math.max(lastSeq, seq);
  }

  // ---- sending -------------------------------------------------------------

  function send(text) {
    const clientMessageId = newId();
    const element = addBubble('shopper pending');
    element.querySelector('.text').textContent = text;
    outbox.set(clientMessageId, { text, element, acked: false });
    emitMessage(clientMessageId);
  }

  function emitMessage(clientMessageId) {
    const entry = outbox.get(clientMessageId);
    if (!entry || !socket) return;
    socket
      .timeout(10000)
      .emit('message', { clientMessageId, text: entry.text }, (err, ack) => {
        // A timeout is retried after the next reconnect; the server
        // recognises the clientMessageId, so no turn runs twice.
        if (err) return;
        entry.acked = true;
        outbox.delete(clientMessageId);
        entry.element.classList.remove('pending');
        if (ack.ok) {
          noteSeq(ack.seq);
          return;
        }
        entry.element.classList.add('failed');
        entry.element.append(el('span', 'note', ack.error.message));
      });
  }

  // ---- catching up -----------------------------------------------------------

  function catchUp() {
    socket.timeout(10000).emit('history', { sinceSeq: lastSeq }, (err, ack) => {
      if (err || !ack.ok) return;
      for (const message of ack.messages) {
        if (renderedSeqs.has(message.seq)) continue;
        if (message.role === 'agent' && message.turnId) {
          finishTurn(message.turnId, message.text, message.cards, message.seq);
          continue;
        }
        const pending = outbox.get(message.clientMessageId);
        if (!pending) {
          const bubble = addBubble('shopper');
          bubble.querySelector('.text').textContent = message.text;
        }
        noteSeq(message.seq);
      }
      for (const id of outbox.keys()) emitMessage(id);
      // History comes in pages; ask again until we hold the last message.
      if (ack.messages.length > 0 && lastSeq < ack.lastSeq) catchUp();
    });
  }

  // ---- the connection ----------------------------------------------------------

  function connect(session) {
    ui.picker.hidden = true;
    ui.chat.hidden = false;
    ui.switchButton.hidden = false;
    setComposerEnabled(false);
    setStatus('connecting');

    socket = io('/shop', { auth: { token: session.token } });
    socket.on('connect', () => setStatus('online', describe(session)));
    socket.on('disconnect', () => setStatus('offline', 'reconnecting…'));
    socket.on('connect_error', (error) => {
      setStatus('error', 'cannot connect');
      if (error.data?.code === 'UNAUTHORIZED') {
        showError(`${error.message}. Please pick a shopper again.`);
        resetSession();
      }
    });
    // Sent after every (re)connection: fetch whatever was missed meanwhile.
    socket.on('session', (info) => {
      ui.text.maxLength = info.maxMessageChars;
      setComposerEnabled(true);
      catchUp();
    });
    socket.on('reply.chunk', (chunk) => {
      const turn = turnOf(chunk.turnId);
      if (turn.done || chunk.index < turn.nextIndex) return;
      turn.nextIndex = chunk.index + 1;
      turn.element.querySelector('.text').textContent += chunk.text;
      scrollDown();
    });
    socket.on('reply.done', (done) =>
      finishTurn(done.turnId, done.text, done.cards, done.seq),
    );
    socket.on('error', (error) => showError(error.message));
  }

  function describe(session) {
    return session.customerId === null
      ? 'anonymous'
      : `customer ${session.customerId}`;
  }

  function resetSession() {
    sessionStorage.removeItem(SESSION_KEY);
    socket?.disconnect();
    socket = null;
    lastSeq = 0;
    turns.clear();
    outbox.clear();
    renderedSeqs.clear();
    ui.messages.replaceChildren();
    ui.text.value = '';
    setComposerEnabled(false);
    ui.chat.hidden = true;
    ui.switchButton.hidden = true;
    ui.picker.hidden = false;
    setStatus('offline');
    loadCustomers();
  }

  async function startSession(customerId) {
    const response = await fetch('/api/dev/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId }),
    }).catch(() => null);
    const body = await response?.json().catch(() => null);
    if (!response?.ok || !body) {
      showError(body?.error?.message ?? 'Could not start a session');
      return;
    }
    hideError();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(body));
    connect(body);
  }

  async function loadCustomers() {
    ui.customers.replaceChildren();
    const anonymous = el('button', '', 'Continue as an anonymous shopper');
    anonymous.type = 'button';
    anonymous.onclick = () => startSession(null);

    const response = await fetch('/api/dev/customers').catch(() => null);
    if (!response || !response.ok) {
      ui.picker.querySelector('p').textContent =
        'Development sessions are off on this server.';
      return;
    }
    const { customers } = await response.json();
    for (const customer of customers) {
      const label =
        `Continue as customer ${customer.customerId} — ${customer.kind}, ` +
        `${customer.orders} order${customer.orders === 1 ? '' : 's'}, ` +
        `last ${customer.lastOrder.slice(0, 10)}`;
      const button = el('button', '', label);
      button.type = 'button';
      button.onclick = () => startSession(customer.customerId);
      ui.customers.append(wrap(button));
    }
    ui.customers.append(wrap(anonymous));
  }

  function wrap(node) {
    const item = el('li');
    item.append(node);
    return item;
  }

  // ---- wiring -------------------------------------------------------------------

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.text.value.trim();
    if (!text || !socket || ui.text.disabled) return;
    ui.text.value = '';
    send(text);
  });
  ui.customForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = new FormData(ui.customForm).get('customerId');
    if (/^\d+$/.test(String(value))) startSession(Number(value));
  });
  ui.switchButton.addEventListener('click', resetSession);

  const saved = sessionStorage.getItem(SESSION_KEY);
  if (saved) connect(JSON.parse(saved));
  else loadCustomers();
})();
