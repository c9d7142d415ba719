// A message from one QA page for the next one shown ("Approved en cue uno"), read once: after a
// verdict the reviewer is moved on, and the page they land on says what just happened.
let message = null;

export function flash(text) {
  message = text;
}

export function takeFlash() {
  const m = message;
  message = null;
  return m;
}
