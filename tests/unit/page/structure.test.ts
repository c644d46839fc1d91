// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { checkPage, pageStructureReport } from '../../../lib/page/check';
import { pathShape, shapeOf, structureSkeleton } from '../../../lib/page/structure';
import { reportToFixture } from '../../../scripts/report-to-fixture';
import { EVIDENCE, MESSAGE_IDS } from './evidence';

/** Everything a user would not want in a bug report. */
const SECRETS = {
  text: 'Merger with Initech closes Friday',
  name: 'Hannah Schmidt',
  email: 'hannah.schmidt@acme-corp.example',
  url: 'https://acme-corp.zohocliq.example/files/q3-plan.pdf',
  orgId: '654200107',
  chatId: 'CT_2231796882690347967_654200107-B1',
  messageMs: '1772440500000',
  messageNumber: '375412769224',
  userId: '61000002',
  phone: '+1 555 0100 7788',
  channel: 'project-moonshot',
};

function pageFullOfSecrets(): string {
  const s = SECRETS;
  const id = `${s.messageMs}%20${s.messageNumber}`;
  return `
    <div purpose="chatlist" class="chatlist">
      <div chid="${s.chatId}" purpose="chatitem" title="${s.name}" data-email="${s.email}"><span>${s.name}</span></div>
    </div>
    <section class="currentchat" purpose="chatview" id="${s.chatId}" data-org="${s.orgId}">
      <div msg-cont chid="${s.chatId}" msguid="${id}" mymsg="true" class="zcmsg">
        <div class="sender"><img elemtype="user" uid="${s.userId}" alt="${s.name}" src="${s.url}">
          <span class="zctxtseln" elemtype="user" uid="${s.userId}" aria-label="${s.name} ${s.phone}">${s.name}</span></div>
        <p id="posted-message-container" class="zcmsgcnt textL" dir="auto" postedchatid="${s.chatId}">${s.text} ${s.email} ${s.url} ${s.phone}</p>
        <a href="${s.url}" purpose="${s.email}" role="${s.name}">${s.url}</a>
        <div class="${s.email} user-${s.userId}" data-channel="${s.channel}" data-text="${s.text}" id="${s.email}"></div>
        <input type="text" value="${s.text}" placeholder="${s.name}">
        <img alt="" src="data:image/svg+xml,%3Csvg%3E${encodeURIComponent(s.name)}%3C/svg%3E">
      </div>
    </section>`;
}

describe('the page-structure report', () => {
  it('holds no text, names, emails, ids, phone numbers or addresses of the page', () => {
    document.body.innerHTML = pageFullOfSecrets();
    const report = pageStructureReport(
      document,
      `https://cliq.zoho.com/company/${SECRETS.orgId}/chats/${SECRETS.chatId}/messages/${SECRETS.messageMs}_${SECRETS.messageNumber}`,
    );
    const channelReport = pageStructureReport(document, `https://cliq.zoho.com/channels/${SECRETS.channel}`);
    for (const secret of Object.values(SECRETS)) {
      expect(report).not.toContain(secret);
      expect(channelReport).not.toContain(secret);
    }
    // Nor any part of them: no word of the text, no piece of the address or of the email.
    for (const part of ['Initech', 'Friday', 'Hannah', 'Schmidt', 'acme', 'moonshot', 'q3-plan', '555', 'zohocliq'])
      expect(`${report}\n${channelReport}`).not.toContain(part);
    // The skeleton holds no digit at all, but the %20 of message ids.
    const skeleton = report.slice(report.indexOf('\n\n'));
    expect(skeleton.replaceAll('%20', '')).not.toMatch(/\d/);
  });

  it('keeps what a contributor needs: tags, attribute and class names, the shapes of ids', () => {
    document.body.innerHTML = pageFullOfSecrets();
    const report = pageStructureReport(document, `https://cliq.zoho.com/company/${SECRETS.orgId}/chats/x`);
    expect(report).toContain('address: /company/<digits>/chats/<text>');
    expect(report).toContain(
      'section.currentchat[data-org=<digits>][id=CT_<digits>_<digits>-B<digits>][purpose=chatview]',
    );
    expect(report).toContain(
      'div.zcmsg[chid=CT_<digits>_<digits>-B<digits>][msg-cont][msguid=<digits>%20<digits>][mymsg=true]',
    );
    expect(report).toContain('span.zctxtseln[aria-label=<text>][elemtype=user][uid=<digits>]');
    expect(report).toContain(
      'p.zcmsgcnt.textL#posted-message-container[dir=auto][postedchatid=CT_<digits>_<digits>-B<digits>]',
    );
    expect(report).toContain('a[href=<url>][purpose=<text>][role=<text>]');
    expect(report).toContain('messages: 1 (selector)');
  });

  it('writes a run of alike siblings once, and leaves its own controls out', () => {
    document.body.innerHTML = `<ul>${'<li class="row"><b></b></li>'.repeat(500)}<li class="last"></li></ul>`;
    document.querySelector('li')?.append(document.createElement('button'));
    const ours = document.createElement('button');
    ours.setAttribute('data-cliq-pins', 'pin-control');
    document.querySelector('li:nth-child(2)')?.append(ours, document.createElement('cliq-pins-bar'));
    expect(structureSkeleton(document.body)).toBe(
      ['body', '  ul', '    li.row', '      b', '      button', '    li.row ×499', '      b', '    li.last'].join('\n'),
    );
  });

  it('says what was recognised on the evidence page', () => {
    document.body.innerHTML = EVIDENCE;
    expect(checkPage(document, 'https://cliq.zoho.com/index.do')).toEqual({
      chat: { id: 'CT_2231796882690347967_654200107-B1', from: 'page' },
      messages: { count: MESSAGE_IDS.length, by: 'selector' },
      chatView: true,
      header: true,
      chatList: true,
    });
    document.body.innerHTML = '<main><div title="nothing here"></div></main>';
    expect(checkPage(document, 'https://cliq.zoho.com/company/1/chats/CT_1_2')).toEqual({
      chat: { id: 'CT_1_2', from: 'address' },
      messages: { count: 0, by: 'none' },
      chatView: false,
      header: false,
      chatList: false,
    });
  });

  it.each([
    ['1675428007330%202281018395736', '<digits>%20<digits>'],
    ['CT_2231796882690347968_654200107-T-1720154931280', 'CT_<digits>_<digits>-T-<digits>'],
    ['Hannah', '<text>'],
    ['mailto:a@b.c', '<url>'],
    ['/company/1/chats', '<url>'],
  ])('shapes %s as %s', (value, shape) => {
    expect(shapeOf(value)).toBe(shape);
  });

  it('shapes addresses, dropping channel names', () => {
    expect(pathShape('/channels/project-moonshot')).toBe('/channels/<text>');
    expect(pathShape('/index.do')).toBe('/index.do');
  });
});

describe('a report turned into a fixture (scripts/report-to-fixture.ts)', () => {
  it('reads as the page did: the same messages, chat view, header and chat list', () => {
    document.body.innerHTML = EVIDENCE;
    const report = pageStructureReport(document, 'https://cliq.zoho.com/index.do');
    document.body.innerHTML = reportToFixture(report);
    const check = checkPage(document, 'https://cliq.zoho.com/index.do');
    expect(check).toMatchObject({
      chat: { from: 'page' },
      messages: { count: MESSAGE_IDS.length, by: 'selector' },
      chatView: true,
      header: true,
      chatList: true,
    });
    // Dividers and quotes stay what they were: not messages.
    expect(document.querySelectorAll('[purpose=date][msguid]')).toHaveLength(2);
    expect(document.querySelectorAll('blockquote.quotedmsgdiv')).toHaveLength(1);
  });
});
