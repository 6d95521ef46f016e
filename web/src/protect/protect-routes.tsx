// /protect, a public page in the same frame as the report pages: no account, no cookies sent.
import { Route, Routes } from 'react-router';
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
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
