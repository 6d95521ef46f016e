// Choosing images: a labelled file input (keyboard and screen readers) inside a drop zone.
import { useId, useState, type DragEvent } from 'react';
import { useT } from '../shared/i18n.tsx';

const isImage = (f: File) => f.type.startsWith('image/') || (f.type === '' && /\.(jpe?g|png|webp|gif|avif|heic|heif|bmp)$/i.test(f.name));

export function ImagePicker({ onFiles, disabled }: { onFiles(files: File[]): void; disabled?: boolean }) {
  const { t } = useT();
  const id = useId();
  const [over, setOver] = useState(false);
  const [skipped, setSkipped] = useState('');

  function take(list: FileList | null) {
    const files = [...(list ?? [])];
    const images = files.filter(isImage);
    const others = files.length - images.length;
    setSkipped(others > 0 ? t('protectForm.skipped', { count: others }) : '');
    if (images.length > 0) onFiles(images);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  }

  return (
    // Dropping is a pointer shortcut for the labelled file input inside, which keyboards and screen
    // readers use; the zone itself has nothing to announce (role "none", as a plain div).
    <div
      role="none"
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <input
        id={id}
        type="file"
        multiple
        accept="image/*"
        className="visually-hidden"
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
      <label htmlFor={id} className="choose-button">
        {t('protectForm.choose')}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('protectForm.chooseHint')}
      </p>
      {skipped && (
        <p className="field-error" role="status">
          {skipped}
        </p>
      )}
    </div>
  );
}
