/**
 * What an AWS region code and an account id look like: parsers, links, commands, configuration and the region
 * clients check the same shapes.
 */

/** Commercial, GovCloud, China and ISO partitions all follow `xx(-word)+-N`. */
const regionCodePattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isRegionCode(value: string | undefined): value is string {
  return value !== undefined && regionCodePattern.test(value);
}

export const accountIdPattern = /^\d{12}$/;
