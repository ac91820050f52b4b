// Ids made from names. The parser names a source the registry does not know by this
// slug, and `claims actors add` gives a new actor the same one, so adding an actor
// adopts the claims already filed under it.
export function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out || 'source';
}
