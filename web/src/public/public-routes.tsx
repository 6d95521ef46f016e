// Public pages, no account needed: the notice form, a report's status, appeals and their status.
import { Route, Routes } from 'react-router';
import { PublicIntl } from '../shared/i18n.tsx';
import { NotFound } from '../shared/not-found.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ReportPage } from './report-page.tsx';
import { ReportStatusPage } from './report-status-page.tsx';
import { AppealFormPage } from './appeal-form-page.tsx';
import { AppealStatusPage } from './appeal-status-page.tsx';
import '../styles/public.css';

export default function PublicRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<ReportPage />} />
        <Route path="status/:id" element={<ReportStatusPage />} />
        <Route path="appeal" element={<AppealFormPage />} />
        <Route path="appeal/:id" element={<AppealStatusPage />} />
      </Route>
      <Route
        path="*"
        element={
          <PublicIntl>
            <NotFound />
          </PublicIntl>
        }
      />
    </Routes>
  );
}
