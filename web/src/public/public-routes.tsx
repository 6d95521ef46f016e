// Public pages, no account needed: the notice form and a report's status.
import { Route, Routes } from 'react-router';
import { NotFound } from '../shared/not-found.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ReportPage } from './report-page.tsx';
import { ReportStatusPage } from './report-status-page.tsx';
import '../styles/public.css';

export default function PublicRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<ReportPage />} />
        <Route path="status/:id" element={<ReportStatusPage />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
