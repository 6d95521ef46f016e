// Every client-side route of the web app. The server answers index.html for the same paths
// (src/http/routes/web-app.routes.ts). Each area is its own chunk, loaded when first visited;
// a new area (such as /protect) is one more lazy import and one more <Route>.
import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from './shared/error-boundary.tsx';
import { NotFound } from './shared/not-found.tsx';
import { currentLanguage, PublicIntl } from './shared/i18n.tsx';
import { LOADING_WORDS } from '../../src/shared/i18n/loading-words.ts';

const ConsoleRoutes = lazy(() => import('./console/console-routes.tsx'));
const PublicRoutes = lazy(() => import('./public/public-routes.tsx'));
const ProtectRoutes = lazy(() => import('./protect/protect-routes.tsx'));
const TransparencyRoutes = lazy(() => import('./public/transparency-routes.tsx'));

/** Before a page's chunk and catalogue arrive: "Loading…" in the reader's language (the console's English). */
function Loading() {
  const { pathname, search } = useLocation();
  const lang = pathname.startsWith('/console') ? 'en' : currentLanguage(new URLSearchParams(search).get('lang'));
  return (
    <p className="loading" role="status" lang={lang}>
      {LOADING_WORDS[lang]}
    </p>
  );
}

export function AppRoutes() {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/console/*" element={<ConsoleRoutes />} />
          <Route path="/report/*" element={<PublicRoutes />} />
          <Route path="/protect/*" element={<ProtectRoutes />} />
          <Route path="/transparency/*" element={<TransparencyRoutes />} />
          <Route
            path="*"
            element={
              <PublicIntl>
                <NotFound />
              </PublicIntl>
            }
          />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
