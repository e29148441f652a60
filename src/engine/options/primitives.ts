/**
 * The small parsers every input group shares: quoting a value in a message,
 * splitting list inputs, strict booleans and http(s) URLs.
 */
import type { InputName } from './inputs.js'

/** A value as the messages show it: in single quotes. */
export function quote(value: string): string {
  return `'${value}'`
}

/** Splits a list input on newlines, commas and spaces; drops empty entries. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
}

/** Parses a boolean the way YAML 1.2 core schema does; anything else is an error. */
export function parseBoolean(
  name: InputName,
  value: string,
  problems: string[]
): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  problems.push(
    `Input '${name}' must be 'true' or 'false', got ${quote(value)}.`
  )
  return false
}

/** True for an absolute http or https URL without a query string. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && !url.search
    )
  } catch {
    return false
  }
}

/** The list, or undefined when it is empty (for options left out when unset). */
export function optionalList<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined
}
