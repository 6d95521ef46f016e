// What this page does, in plain words, before she chooses anything.
export function ProtectIntro() {
  return (
    <>
      <h1>Protect your intimate images</h1>
      <p className="lead">
        If someone has shared, or is threatening to share, intimate images of you, you can stop copies from being posted here. You don’t need an account, and
        you never have to send us the images.
      </p>
      <div className="promise" role="note" aria-label="Your images stay with you">
        <p className="promise-title">Your images never leave your device.</p>
        <p>
          Nobody here will see them. Your browser turns each image into a short fingerprint (a “hash”): 64 letters and numbers that can’t be turned back into
          the picture. Only the fingerprints are sent.
        </p>
      </div>
      <h2>How it works</h2>
      <ol className="steps">
        <li>
          <strong>Choose the images</strong> on this device. They are read here, in your browser, and not uploaded.
        </li>
        <li>
          <strong>Send the fingerprints.</strong> If anyone later tries to post a matching image in a public channel, as a bot picture or in a sticker set here,
          it is held back and checked by a person before anyone can see it.
        </li>
        <li>
          <strong>Keep your case number and PIN.</strong> With them you can come back at any time to see whether copies were found, or withdraw your
          fingerprints. Withdrawn fingerprints are deleted and stop working at once.
        </li>
      </ol>
      <p className="hint">
        Fingerprints find exact copies and most resized or re-saved copies; heavily cropped or edited versions may not match. Private groups and one-to-one
        chats are never scanned. If you are in danger, contact local emergency services.
      </p>
    </>
  );
}
