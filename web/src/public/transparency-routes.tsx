// /transparency: the public figures, in the public layout.
import { Route, Routes } from 'react-router';
import { PublicIntl } from '../shared/i18n.tsx';
import { NotFound } from '../shared/not-found.tsx';
import { PublicLayout } from './public-layout.tsx';
import { TransparencyPage } from './transparency-page.tsx';
import '../styles/public.css';
import '../styles/transparency.css';

export default function TransparencyRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<TransparencyPage />} />
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
