// /protect, a public page in the same frame as the report pages: no account, no cookies sent.
import { Route, Routes } from 'react-router';
import { PublicIntl } from '../shared/i18n.tsx';
import { NotFound } from '../shared/not-found.tsx';
import { PublicLayout } from '../public/public-layout.tsx';
import { ProtectPage } from './protect-page.tsx';
import '../styles/public.css';
import '../styles/protect.css';

export default function ProtectRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<ProtectPage />} />
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
