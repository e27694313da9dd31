/** A modal dialog on the native `<dialog>` element: focus is trapped, Escape cancels. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, children, onClose, footer, labelledBy = 'dialog-title' }: {
  title: string;
  children: ReactNode;
  footer: ReactNode;
  onClose: () => void;
  labelledBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={labelledBy} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id={labelledBy} className="dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-footer">{footer}</div>
    </dialog>
  );
}
