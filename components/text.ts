/**
 * A type's label as it reads inside a sentence: "Email address" becomes "email address", but
 * labels that start with an acronym ("IBAN", "API key or token", "US Social Security number")
 * keep their capitals, which lower-casing the whole label would destroy.
 */
export function inSentence(label: string): string {
  const second = label.charAt(1);
  return second !== '' && second === second.toLowerCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}
