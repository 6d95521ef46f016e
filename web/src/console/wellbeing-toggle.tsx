import { useWellbeing } from './wellbeing.tsx';

export function WellbeingToggle() {
  const { keepBlurred, setKeepBlurred } = useWellbeing();
  return (
    <label className="toggle">
      <input type="checkbox" checked={keepBlurred} onChange={(e) => setKeepBlurred(e.target.checked)} />
      <span>Keep images blurred until I reveal each one</span>
    </label>
  );
}
