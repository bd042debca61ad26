/**
 * The consultant console as a fastify plugin at /console: server-rendered pages with htmx, live updates over
 * server-sent events.
 *
 * Security, in one place:
 * - sessions: a random 256-bit token in an httpOnly, SameSite=Strict cookie scoped to /console (Secure behind
 *   https, CONSOLE_SECURE_COOKIES); the database keeps only its SHA-256; logout deletes it;
 * - every route declares the roles it serves (`config.roles`); a route without them is refused, and a logged-out
 *   browser gets the login page (or 401 for fragments) and no data;
 * - CSRF: every POST carries a token bound to a secret cookie (@fastify/csrf-protection), checked before the
 *   handler, the login form included;
 * - failed login attempts are limited per client address and login name (`auth/login-throttle.ts`); the address is
 *   the socket's unless TRUST_PROXY names the proxies in front, so a client cannot choose its own;
 * - every dynamic string is escaped (`views/html.ts`), and the Content-Security-Policy allows scripts from
 *   /console/assets only, so even a missed escape could not run a citizen's <script>.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ConsoleConfig } from '../config/config.js';
import type { Translator } from '../i18n/translator.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ComplaintService } from '../services/complaints/complaint-service.js';
import { createLoginThrottle } from './auth/login-throttle.js';
import type { CannedAnswers } from './canned-answers.js';
import type { ConsoleService } from './console-service.js';
import type { Account, Role } from './console-store.js';
import { registerComplaintRoutes } from './routes/complaint-routes.js';
import { registerInsightRoutes } from './routes/insight-routes.js';
import { registerWorkRoutes } from './routes/work-routes.js';
import type { SafeHtml } from './views/html.js';
import { errorPage, loginPage } from './views/misc-views.js';
import { createViewContext, type ViewContext } from './views/view-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    consoleAccount?: Account;
    /** When the request's console session ends. */
    consoleSessionEndsAt?: number;
  }
  interface FastifyContextConfig {
    /** Who may use a console route; a console route without `roles` (and not `public`) is refused. */
    roles?: readonly Role[];
    /** Served without a login (the login page, styles and scripts). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'console_session';
export const ALL_ROLES: readonly Role[] = ['consultant', 'supervisor', 'curator'];
export const WORKERS: readonly Role[] = ['consultant', 'supervisor'];

export interface ConsoleDeps {
  service: ConsoleService;
  translator: Translator;
  config: ConsoleConfig;
  canned: CannedAnswers;
  knowledge: () => { kb: KnowledgeBase };
  /** Citizens' complaints (supervisors list them and change their status; src/services/complaints). */
  complaints: ComplaintService;
  logger: Logger;
}

/** What route handlers share. */
export interface ConsoleRouteKit extends ConsoleDeps {
  view(request: FastifyRequest, reply: FastifyReply): ViewContext;
  sendPage(reply: FastifyReply, markup: SafeHtml, status?: number): FastifyReply;
  /** After a form: 204 for htmx (the page updates live), a redirect for a plain form post. */
  done(request: FastifyRequest, reply: FastifyReply, to: string): FastifyReply;
  /** An action refused: an error page, or for htmx an error the page shows in its banner. */
  refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    key: string,
    back?: string,
  ): FastifyReply;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const require = createRequire(import.meta.url);
  return new Map([
    ['console.css', { body: readFileSync(`${ASSETS_DIR}console.css`), type: 'text/css; charset=utf-8' }],
    ['console.js', { body: readFileSync(`${ASSETS_DIR}console.js`), type: 'text/javascript; charset=utf-8' }],
    // Linked from every page: without an icon the browser asked for /favicon.ico, a 404 in its console each time.
    ['favicon.svg', { body: readFileSync(`${ASSETS_DIR}favicon.svg`), type: 'image/svg+xml' }],
    [
      'htmx.min.js',
      {
        body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js')),
        type: 'text/javascript; charset=utf-8',
      },
    ],
  ]);
}

/** Only paths inside the console are followed after login (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[\w\-/?=&%.]*)?$/.test(next) && !next.includes('//')
    ? next
    : '/console';
}

/**
 * The console page an htmx request was made from (htmx names it in HX-Current-URL), to go back to after logging in
 * again; the queue when there is none.
 */
function pageOfRequest(request: FastifyRequest): string {
  const header = request.headers['hx-current-url'];
  if (typeof header !== 'string') return '/console';
  try {
    const url = new URL(header);
    return safeNext(`${url.pathname}${url.search}`);
  } catch {
    return '/console';
  }
}

export function registerConsole(server: FastifyInstance, deps: ConsoleDeps): void {
  const { service, translator, config } = deps;
  const assets = loadAssets();
  server.addHook('preClose', async () => service.hub.closeAll());

  server.register(
    async (app) => {
      await app.register(fastifyCookie);
      await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
      await app.register(fastifyCsrf, {
        sessionPlugin: '@fastify/cookie',
        cookieKey: 'console_csrf',
        cookieOpts: { path: '/console', sameSite: 'strict', httpOnly: true, secure: config.secureCookies },
        getToken: (req) =>
          (req.body as { _csrf?: string } | undefined)?._csrf ??
          (req.headers['x-csrf-token'] as string | undefined),
      });
      const throttle = createLoginThrottle({
        maxFailures: config.loginAttemptsPerMinute,
        clock: () => service.now(),
      });

      const view = (request: FastifyRequest, reply: FastifyReply): ViewContext =>
        createViewContext({
          translator,
          ...(request.consoleAccount ? { account: request.consoleAccount } : {}),
          ...(request.consoleSessionEndsAt ? { sessionEndsAt: request.consoleSessionEndsAt } : {}),
          csrf: reply.generateCsrf(),
          now: service.now(),
          timeZone: service.queue.settings.hours.timeZone,
          path: request.url.split('?')[0]!,
        });
      const sendPage = (reply: FastifyReply, markup: SafeHtml, status = 200) =>
        reply.code(status).type('text/html; charset=utf-8').send(markup.value);
      const isHtmx = (request: FastifyRequest) => request.headers['hx-request'] === 'true';

      const kit: ConsoleRouteKit = {
        ...deps,
        view,
        sendPage,
        done: (request, reply, to) => (isHtmx(request) ? reply.code(204).send() : reply.redirect(to, 303)),
        refuse(request, reply, status, key, back) {
          const ctx = view(request, reply);
          if (isHtmx(request))
            return reply
              .code(status)
              .header('x-console-error', encodeURIComponent(ctx.t(key)))
              .type('text/plain; charset=utf-8')
              .send(ctx.t(key));
          if (back)
            return reply.redirect(
              `${back}${back.includes('?') ? '&' : '?'}error=${encodeURIComponent(key)}`,
              303,
            );
          return sendPage(reply, errorPage(ctx, 'errors.refused_title', key), status);
        },
      };

      // Who is asking: every request, before anything else. A session cookie that does not open a session is cleared.
      app.addHook('onRequest', async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        const session = service.session(token);
        const account = session?.account;
        if (session) {
          request.consoleAccount = session.account;
          request.consoleSessionEndsAt = session.expiresAt;
        } else if (token) reply.clearCookie(SESSION_COOKIE, { path: '/console' });
        const routeConfig = request.routeOptions.config;
        if (routeConfig.public) return;
        if (!account) {
          if (request.method === 'GET' && !isHtmx(request) && !request.url.startsWith('/console/events'))
            return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
          // A live refresh or a form of a page whose session ran out: to the login form, which says why and leads
          // back to that page (where console.js puts back a reply that was being typed).
          return reply
            .code(401)
            .header(
              'hx-redirect',
              `/console/login?ended=1&next=${encodeURIComponent(pageOfRequest(request))}`,
            )
            .type('text/plain')
            .send('login required');
        }
        if (request.is404) return;
        const roles = routeConfig.roles;
        if (!roles?.includes(account.role)) return kit.refuse(request, reply, 403, 'errors.forbidden');
      });

      // CSRF on every state-changing request (after the body is parsed, so the form field is seen).
      app.addHook('preHandler', (request, reply, next) => {
        if (request.method === 'GET' || request.method === 'HEAD') return next();
        app.csrfProtection(request, reply, next);
      });

      app.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-security-policy', CSP);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('referrer-policy', 'same-origin');
        reply.header('x-frame-options', 'DENY');
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });

      app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
        const ctx = view(request, reply);
        if (error.code?.startsWith('FST_CSRF')) {
          if (isHtmx(request)) return kit.refuse(request, reply, 403, 'errors.csrf');
          return sendPage(reply, errorPage(ctx, 'errors.csrf_title', 'errors.csrf'), 403);
        }
        if (status >= 500) {
          request.log.error({ err: error, url: request.routeOptions.url }, 'console request failed');
          return sendPage(reply, errorPage(ctx, 'errors.server_title', 'errors.server'), 500);
        }
        return sendPage(reply, errorPage(ctx, 'errors.bad_request_title', 'errors.bad_request'), status);
      });

      app.setNotFoundHandler((request, reply) =>
        sendPage(reply, errorPage(view(request, reply), 'errors.not_found_title', 'errors.not_found'), 404),
      );

      app.get<{ Params: { name: string } }>(
        '/assets/:name',
        { config: { public: true } },
        async (request, reply) => {
          const asset = assets.get(request.params.name);
          if (!asset) return reply.code(404).type('text/plain').send('not found');
          return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
        },
      );

      app.get<{ Querystring: { next?: string; ended?: string } }>(
        '/login',
        { config: { public: true } },
        async (request, reply) => {
          if (request.consoleAccount) return reply.redirect(safeNext(request.query.next), 303);
          return sendPage(
            reply,
            loginPage(view(request, reply), {
              next: safeNext(request.query.next),
              ...(request.query.ended === '1' ? { notice: 'login.session_ended' } : {}),
            }),
          );
        },
      );

      app.post<{ Body: { login?: string; password?: string; next?: string } }>(
        '/login',
        { config: { public: true } },
        async (request, reply) => {
          const login = String(request.body?.login ?? '').slice(0, 100);
          const password = String(request.body?.password ?? '').slice(0, 200);
          const next = safeNext(request.body?.next);
          // The address is in the log so that guessing can be traced; it is not personal data of a citizen. The name
          // typed is logged only when it is an account's login: people type their password into that field, and
          // even a short hash of a password can be reversed by trying common ones, so of an unknown name nothing.
          const accountLogin = login ? service.accountLogin(login) : undefined;
          const who = accountLogin
            ? { login: accountLogin, account: true, ip: request.ip }
            : { account: false, ip: request.ip };
          const attempt = throttle.begin(request.ip, login);
          if ('retryAfterMs' in attempt) {
            deps.logger.warn(who, 'console login refused: too many failed attempts');
            reply.header('retry-after', String(Math.ceil(attempt.retryAfterMs / 1000)));
            return sendPage(
              reply,
              loginPage(view(request, reply), { error: 'login.too_many', login, next }),
              429,
            );
          }
          const session = login && password ? await service.login(login, password) : undefined;
          if (!session) {
            deps.logger.warn(who, 'console login failed');
            return sendPage(
              reply,
              loginPage(view(request, reply), { error: 'login.failed', login, next }),
              401,
            );
          }
          attempt.succeeded();
          reply.setCookie(SESSION_COOKIE, session.token, {
            path: '/console',
            httpOnly: true,
            sameSite: 'strict',
            secure: config.secureCookies,
            maxAge: config.sessionHours * 3600,
          });
          deps.logger.info({ consultantId: session.account.id }, 'console login');
          return reply.redirect(next, 303);
        },
      );

      app.post('/logout', { config: { roles: ALL_ROLES } }, async (request, reply) => {
        service.logout(request.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, { path: '/console' });
        return reply.redirect('/console/login', 303);
      });

      app.post<{ Body: { available?: string } }>(
        '/me/available',
        { config: { roles: WORKERS } },
        async (request, reply) => {
          service.setAvailable(request.consoleAccount!, request.body?.available === '1');
          service.hub.publish({ type: 'queue' });
          return reply.redirect(
            safeNext(
              request.headers.referer ? new URL(request.headers.referer, 'http://x').pathname : '/console',
            ),
            303,
          );
        },
      );

      // Live updates: the stream only names what changed; pages re-fetch through the checked routes.
      app.get('/events', { config: { roles: ALL_ROLES } }, async (request, reply) => {
        const account = request.consoleAccount!;
        reply.hijack();
        service.hub.attach(reply.raw, { consultantId: account.id, role: account.role });
      });

      registerWorkRoutes(app, kit);
      registerInsightRoutes(app, kit);
      registerComplaintRoutes(app, kit);
    },
    { prefix: '/console' },
  );
}
