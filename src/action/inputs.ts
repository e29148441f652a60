/** Reads the Action inputs declared in action.yml into the engine's raw form. */
import * as core from './workflow.js'
import {
  INPUT_DEFAULTS,
  type InputName,
  type RawInputs
} from '../engine/options/config.js'

/** Every input, as the runner passes it (defaults from action.yml already merged). */
export function readInputs(): RawInputs {
  const inputs: RawInputs = {}
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    // dockerd-args keeps its line structure; core trims only the ends.
    inputs[name] = core.getInput(name)
  }
  return inputs
}
