// The moderator console: a session gate, then the queue, cases and administration.
import { Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './session.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { ConsoleLayout, ConsoleNotFound } from './console-layout.tsx';
import { QueuePage } from './queue-page.tsx';
import { CasePage } from './case-page.tsx';
import { AdminPage } from './admin-page.tsx';
import { BanksPage } from './banks-page.tsx';
import { BanksDetailPage } from './banks-detail-page.tsx';
import { JobsPage } from './jobs-page.tsx';
import { AppealsPage } from './appeals-page.tsx';
import { AppealPage } from './appeal-page.tsx';
import { RulesPage } from './rules-page.tsx';
import { AuditLogPage } from './audit-page.tsx';
import { WellbeingProvider } from './wellbeing.tsx';
import '../styles/console.css';

function Gate() {
  const { state } = useSession();
  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        Checking your session…
      </p>
    );
  if (state.status === 'signed_out') return <SignInPage notice={state.notice} />;
  return (
    <WellbeingProvider>
      <Routes>
        <Route element={<ConsoleLayout />}>
          <Route index element={<QueuePage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path="banks" element={<BanksPage />} />
          <Route path="banks/:name" element={<BanksDetailPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="appeals" element={<AppealsPage />} />
          <Route path="appeals/:id" element={<AppealPage />} />
          <Route path="rules" element={<RulesPage />} />
          <Route path="audit" element={<AuditLogPage />} />
          <Route path="*" element={<ConsoleNotFound />} />
        </Route>
      </Routes>
    </WellbeingProvider>
  );
}

export default function ConsoleRoutes() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
