// Node module hooks: give bare `.json` imports the `type: 'json'` attribute.
// @actions/workflow-parser imports its JSON schemas without one, which plain
// Node 20/24 refuses (ERR_IMPORT_ATTRIBUTE_MISSING); see
// /work/shared/reference/toolchain.md §5.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json') && !context.importAttributes?.type) {
    return nextLoad(url, {
      ...context,
      importAttributes: { ...context.importAttributes, type: 'json' }
    })
  }
  return nextLoad(url, context)
}
