import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../src-main/server/csp';
import {
  WEB_PREFERENCES,
  desktopRendererCsp,
  evidenceShaFromUrl,
  isAllowedNavigation,
  isAllowedSender,
  isExternalLink,
  permissionAllowed,
  rendererContentType,
  resolveRendererFile,
} from '../../../src-main/electron/security';

const SHA = 'a'.repeat(64);
const ROOT = path.resolve('/tmp/ew-renderer-root');

describe('isAllowedSender', () => {
  it.each(['ew-app://app/', 'ew-app://app/index.html', 'ew-app://app/index.html#/queue?status=new', 'EW-APP://APP/index.html'])('accepts %s', (url) => {
    expect(isAllowedSender(url)).toBe(true);
  });

  it.each([
    '',
    'not a url',
    'ew-app://evil/index.html',
    'ew-app://app.evil/index.html',
    'ew-app://app:8080/index.html',
    'ew-app://user@app/index.html',
    'ew-app://evil@app.example/',
    'ew-evidence://blob/' + SHA,
    'http://app/index.html',
    'https://example.com/',
    'file:///etc/passwd',
    'about:blank',
    'devtools://devtools/bundled/index.html',
  ])('refuses %s', (url) => {
    expect(isAllowedSender(url)).toBe(false);
  });
});

describe('isAllowedNavigation and isExternalLink', () => {
  it('keeps the window on ew-app://app', () => {
    expect(isAllowedNavigation('ew-app://app/index.html#/portfolio/P-1')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/')).toBe(false);
    expect(isAllowedNavigation('ew-evidence://blob/' + SHA)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it('opens only plain http(s) links externally', () => {
    expect(isExternalLink('https://example.com/guide')).toBe(true);
    expect(isExternalLink('http://example.com/')).toBe(true);
    expect(isExternalLink('https://user:pw@example.com/')).toBe(false);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('smb://server/share')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('ew-app://app/index.html')).toBe(false);
  });
});

describe('permissionAllowed', () => {
  it('grants clipboard writes and fullscreen only', () => {
    expect(permissionAllowed('clipboard-sanitized-write')).toBe(true);
    expect(permissionAllowed('fullscreen')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture', 'hid', 'usb', 'serial', 'unknown', '']) {
      expect(permissionAllowed(p)).toBe(false);
    }
  });
});

describe('WEB_PREFERENCES', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect(WEB_PREFERENCES).not.toHaveProperty('preload');
  });
});

describe('resolveRendererFile', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveRendererFile(ROOT, 'ew-app://app/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererFile(ROOT, 'ew-app://app/index.html')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererFile(ROOT, 'ew-app://app/index.html?x=1#/queue')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererFile(ROOT, 'ew-app://app/assets/index-abc123.js')).toBe(path.join(ROOT, 'assets', 'index-abc123.js'));
    expect(resolveRendererFile(ROOT, 'ew-app://app/assets/My%20Font.woff2')).toBe(path.join(ROOT, 'assets', 'My Font.woff2'));
  });

  it.each([
    'ew-app://app/../secret.txt',
    'ew-app://app/assets/../../secret.txt',
    'ew-app://app/%2e%2e/secret.txt',
    'ew-app://app/%2E%2E/%2E%2E/etc/passwd',
    'ew-app://app/..%2fsecret.txt',
    'ew-app://app/..%2Fsecret.txt',
    'ew-app://app/assets%2f..%2f..%2fsecret.txt',
    'ew-app://app/..%5csecret.txt',
    'ew-app://app/assets\\..\\..\\secret.txt',
    'ew-app://app/%2fetc%2fpasswd',
    'ew-app://app//etc/passwd',
    'ew-app://app/C:%5CWindows%5Cwin.ini',
    'ew-app://app/c:/Windows/win.ini',
    'ew-app://app/index.html%00.png',
    'ew-app://app/%E0%A4%A',
    'ew-app://evil/index.html',
    'ew-evidence://blob/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('keeps %s inside the renderer folder (or refuses it)', (url) => {
    const file = resolveRendererFile(ROOT, url);
    if (file !== null) expect(file.startsWith(ROOT + path.sep)).toBe(true);
  });

  it('never resolves outside the root, for any path', () => {
    const hostile = ['..', '%2e%2e', '%2E%2e', '..%2f', '%2e%2e%2f', '.%2e', '%5c..', 'a/../..', '%252e%252e'];
    for (const a of hostile)
      for (const b of hostile) {
        const file = resolveRendererFile(ROOT, `ew-app://app/${a}/${b}/x.js`);
        if (file !== null) expect(file.startsWith(ROOT + path.sep)).toBe(true);
      }
  });

  it('returns null for traversal rather than clamping it', () => {
    expect(resolveRendererFile(ROOT, 'ew-app://app/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(ROOT, 'ew-app://app/..%5c..%5cetc%5cpasswd')).toBeNull();
    expect(resolveRendererFile(ROOT, 'ew-app://app/index.html%00')).toBeNull();
    expect(resolveRendererFile(ROOT, 'ew-app://app/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(ROOT, 'ew-app://app/C:%5CWindows%5Cwin.ini')).toBeNull();
    expect(resolveRendererFile(ROOT, 'ew-app://evil/index.html')).toBeNull();
    expect(resolveRendererFile(ROOT, 'ew-evidence://blob/index.html')).toBeNull();
    expect(resolveRendererFile(ROOT, 'file:///etc/passwd')).toBeNull();
  });
});

describe('evidenceShaFromUrl', () => {
  it('extracts the sha256', () => {
    expect(evidenceShaFromUrl(`ew-evidence://blob/${SHA}`)).toBe(SHA);
    expect(evidenceShaFromUrl(`ew-evidence://blob/${SHA}?t=1#page=2`)).toBe(SHA);
  });

  it.each([
    `ew-evidence://blob/${SHA.toUpperCase()}`,
    `ew-evidence://blob/${SHA}/`,
    `ew-evidence://blob/${SHA}/x`,
    `ew-evidence://other/${SHA}`,
    `ew-evidence://blob:1/${SHA}`,
    `ew-evidence://u@blob/${SHA}`,
    `ew-evidence://blob/${SHA.slice(1)}`,
    `ew-evidence://blob/${'g'.repeat(64)}`,
    `ew-app://blob/${SHA}`,
    `https://blob/${SHA}`,
    'ew-evidence://blob/',
    'garbage',
  ])('refuses %s', (url) => {
    expect(evidenceShaFromUrl(url)).toBeNull();
  });
});

describe('rendererContentType and desktopRendererCsp', () => {
  it('serves module scripts as JavaScript and unknown files as octet-stream', () => {
    expect(rendererContentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(rendererContentType('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(rendererContentType('/x/a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(rendererContentType('/x/a.wasm')).toBe('application/wasm');
    expect(rendererContentType('/x/a.exe')).toBe('application/octet-stream');
  });

  it('adds the evidence scheme to image, media and connect sources only', () => {
    const csp = desktopRendererCsp();
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['img-src']).toContain('ew-evidence:');
    expect(directives['media-src']).toContain('ew-evidence:');
    expect(directives['connect-src']).toContain('ew-evidence:');
    expect(directives['script-src']).not.toContain('ew-evidence:');
    expect(directives['default-src']).toBe("default-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    expect(csp.split('; ').length).toBe(RENDERER_CSP.split('; ').length);
  });
});
