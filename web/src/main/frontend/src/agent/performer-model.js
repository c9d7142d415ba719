// The performer form without the DOM: its values as a PerformerRequest.

/**
 * The body of POST/PUT /performers. Only a deceased performer has an estate representative (the
 * server refuses one for a living performer), so the field is sent only when "deceased" is ticked.
 */
export function performerBody(form) {
  const text = (v) => (v ?? '').trim() || undefined;
  const deceased = Boolean(form.deceased);
  return {
    legalName: text(form.legalName),
    stageName: text(form.stageName),
    deceased,
    estateRepresentative: deceased ? text(form.estateRepresentative) : undefined,
  };
}

/** The form's starting values: empty for a new performer, the record's for an edit. */
export function performerForm(performer) {
  return {
    legalName: performer?.legalName ?? '',
    stageName: performer?.stageName ?? '',
    deceased: performer?.deceased ?? false,
    estateRepresentative: performer?.estateRepresentative ?? '',
  };
}

/** How the performer is named on the pages: the stage name with the legal name, or the legal name alone. */
export function performerName(p) {
  if (!p) return '';
  return p.stageName && p.stageName !== p.legalName ? `${p.stageName} (${p.legalName})` : p.legalName;
}

/** Alive, or deceased with who speaks for the estate. */
export function performerStatus(p) {
  if (!p?.deceased) return 'Living';
  return p.estateRepresentative ? `Deceased; estate represented by ${p.estateRepresentative}` : 'Deceased';
}
