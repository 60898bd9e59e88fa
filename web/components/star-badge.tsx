/**
 * The OCOP star badge, drawn by the platform from the certificate: never a producer-uploaded image,
 * so a shop cannot show stars it does not hold. Screen readers get "OCOP 4 sao", not four symbols.
 */
export function StarBadge({ stars, large }: { stars: number; large?: boolean }) {
  const label = `OCOP ${stars} sao`;
  return (
    <span class={large ? 'ocop ocop-lg' : 'ocop'} role="img" aria-label={label} title={label}>
      <span aria-hidden="true">OCOP</span>
      <span class="st" aria-hidden="true">
        {'★'.repeat(stars)}
      </span>
      {large ? <span aria-hidden="true">{stars} sao</span> : null}
    </span>
  );
}
